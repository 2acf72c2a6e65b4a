/** One push message to one device. */
export interface PushMessage {
  token: string;
  title: string;
  body: string;
  data: Record<string, string>;
}

/** What became of one message: sent, or why not (dead tokens are pruned, transient ones retried). */
export type PushResult = { ok: true } | { ok: false; error: "unregistered" | "invalid" | "transient" };

/** The outgoing push call: FCM in production, a log in the emulators, a recorder in tests. */
export interface PushTransport {
  sendEach(messages: PushMessage[]): Promise<PushResult[]>;
}
