// Reads the local inbox (scripts/mail-inbox.mjs), the real SMTP server the
// functions send client e-mail to in the emulators.
import { DateTime } from "luxon";
import { mailOutboxCol } from "../../functions/src/shell/firestore/refs.js";

const INBOX = "http://127.0.0.1:8025";

/** A mail as the inbox keeps it. */
export interface InboxMail {
  id: string;
  messageId: string;
  from: { name: string; address: string }[];
  replyTo: { name: string; address: string }[];
  to: { name: string; address: string }[];
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  attachments: { filename: string; contentType: string; content: string }[];
}

/** The SMTP address of the local inbox, for the production adapter in tests. */
export const INBOX_SMTP_URL = "smtp://127.0.0.1:2525";

/** Every mail delivered to `address`, oldest first. */
export async function mailsTo(address: string): Promise<InboxMail[]> {
  const response = await fetch(`${INBOX}/api/mails?to=${encodeURIComponent(address)}`);
  return (await response.json()) as InboxMail[];
}

/** The kind a mail names in its X-SoloCoach-Kind header. */
export const kindOf = (mail: InboxMail) => mail.headers["x-solocoach-kind"] ?? "";

/**
 * Waits until the coach's mail outbox has nothing due left to send at
 * `now` (every due mail sent, failed or dropped), then answers what
 * `address` received. Mails due later (reminders) stay pending.
 */
export async function settledMailsTo(coachId: string, address: string, now = DateTime.utc()): Promise<InboxMail[]> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const entries = (await mailOutboxCol(coachId).get()).docs.map((doc) => doc.data());
    const open = entries.filter((entry) => entry.status === "sending" || (entry.status === "pending" && entry.notBefore <= now));
    if (open.length === 0) return mailsTo(address);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("the mail outbox did not settle");
}

/**
 * The one mail the coach's outbox entry `mailId` sent to `address`, once the
 * entry says it was sent; found by its Message-ID, which the entry's id
 * names (the inbox keeps every earlier test's mails). A mail dropped,
 * failed or waiting for a retry fails with its entry (status and note).
 */
export async function sentMail(coachId: string, mailId: string, address: string): Promise<InboxMail> {
  let entry: unknown;
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const current = (await mailOutboxCol(coachId).doc(mailId).get()).data();
    entry = current;
    if (current?.status === "sent") {
      const mails = (await mailsTo(address)).filter((mail) => mail.messageId.startsWith(`<${mailId}.`));
      if (mails.length !== 1) throw new Error(`mail ${mailId} is sent, and ${address} has ${mails.length} mails with its Message-ID`);
      return mails[0]!;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`mail ${mailId} was not sent; its outbox entry: ${JSON.stringify(entry)}`);
}
