import { App } from "firebase-admin/app";
import { PushMessage, PushResult, PushTransport } from "./push-transport.js";

/** Production: Firebase Cloud Messaging through the Admin SDK's sendEach (its module loaded on the first send). */
export class FcmTransport implements PushTransport {
  constructor(private readonly app: App) {}

  async sendEach(messages: PushMessage[]): Promise<PushResult[]> {
    if (messages.length === 0) return [];
    const { getMessaging } = await import("firebase-admin/messaging");
    const batch = await getMessaging(this.app).sendEach(
      messages.map((m) => ({ token: m.token, notification: { title: m.title, body: m.body }, data: m.data })),
    );
    return batch.responses.map((response): PushResult => {
      if (response.success) return { ok: true };
      const code = response.error?.code;
      if (code === "messaging/registration-token-not-registered") return { ok: false, error: "unregistered" };
      if (code === "messaging/invalid-registration-token" || code === "messaging/invalid-argument") return { ok: false, error: "invalid" };
      return { ok: false, error: "transient" };
    });
  }
}
