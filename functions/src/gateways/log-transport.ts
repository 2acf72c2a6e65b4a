import { Firestore } from "firebase-admin/firestore";
import { PushMessage, PushResult, PushTransport } from "./push-transport.js";

/**
 * The emulators' transport (FCM is unreachable): every message is written to
 * devPushLog so a developer or a test can see what the coach would get.
 * Tokens starting with "dead-" answer as unregistered, to exercise pruning.
 */
export class LogTransport implements PushTransport {
  constructor(private readonly db: Firestore) {}

  async sendEach(messages: PushMessage[]): Promise<PushResult[]> {
    const batch = this.db.batch();
    const results = messages.map((m): PushResult => {
      if (m.token.startsWith("dead-")) return { ok: false, error: "unregistered" };
      batch.create(this.db.collection("devPushLog").doc(), { ...m, at: new Date().toISOString() });
      return { ok: true };
    });
    await batch.commit();
    return results;
  }
}
