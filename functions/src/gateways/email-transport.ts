// E-mail as SoloCoach sends it: to a client, from the coach's name (on
// SoloCoach's sending domain), replies going to the coach. Production sends
// through SMTP (smtp-transport.ts); the emulators through a real local SMTP
// server with an inbox page.

/** A named address. */
export interface Mailbox {
  name: string;
  address: string;
}

/** A file sent with a mail, e.g. an invite (text/calendar; method=REQUEST) or a receipt (application/pdf). */
export interface MailAttachment {
  filename: string;
  content: string | Buffer;
  contentType: string;
}

/** One mail to one person. */
export interface OutgoingMail {
  /** "<id@domain>", derived from the mail's cause: a resend is recognised as the same mail. */
  messageId: string;
  from: Mailbox;
  replyTo: Mailbox;
  to: Mailbox;
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
  /** Extra headers, e.g. List-Unsubscribe. */
  headers: Record<string, string>;
}

/**
 * What became of a send: accepted by the receiving server, or refused. A
 * permanent refusal (5xx: no such mailbox) is not retried and is shown to the
 * coach; anything else (4xx, a dropped connection) is retried later.
 */
export type SendOutcome = { sent: true; messageId: string } | { sent: false; permanent: boolean; reason: string };

/** Sends mail. */
export interface EmailTransport {
  send(mail: OutgoingMail): Promise<SendOutcome>;
}
