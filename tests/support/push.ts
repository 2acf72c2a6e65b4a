// A push transport that records instead of sending, for delivery tests.
import type { PushMessage, PushResult, PushTransport } from "../../functions/src/gateways/push-transport.js";

/** Records every message; tokens starting with "dead-" answer as unregistered. */
export class RecordingTransport implements PushTransport {
  readonly sent: PushMessage[] = [];

  async sendEach(messages: PushMessage[]): Promise<PushResult[]> {
    return messages.map((message): PushResult => {
      if (message.token.startsWith("dead-")) return { ok: false, error: "unregistered" };
      this.sent.push(message);
      return { ok: true };
    });
  }
}
