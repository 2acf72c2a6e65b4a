import type { Transporter } from "nodemailer";
import { EmailTransport, OutgoingMail, SendOutcome } from "./email-transport.js";

/**
 * The production adapter: SMTP through nodemailer, e.g.
 * smtps://user:pass@smtp.example.com:465. nodemailer is loaded with the
 * first mail, not when the function's module is.
 */
export class SmtpTransport implements EmailTransport {
  private transporter: Promise<Transporter> | undefined;

  constructor(private readonly smtpUrl: string) {}

  async send(mail: OutgoingMail): Promise<SendOutcome> {
    try {
      const transporter = await (this.transporter ??= import("nodemailer").then(({ createTransport }) => createTransport(this.smtpUrl)));
      const info = await transporter.sendMail({
        messageId: mail.messageId,
        from: mail.from,
        replyTo: mail.replyTo,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        attachments: mail.attachments,
        headers: mail.headers,
      });
      if ((info.rejected ?? []).length > 0) return { sent: false, permanent: true, reason: `rejected: ${info.response}` };
      return { sent: true, messageId: info.messageId };
    } catch (error) {
      return refusal(error);
    }
  }
}

/** An SMTP failure, sorted: 5xx replies are permanent, everything else (4xx, the network) is worth a retry. */
function refusal(error: unknown): SendOutcome {
  const code =
    typeof error === "object" && error !== null && "responseCode" in error && typeof error.responseCode === "number" ? error.responseCode : undefined;
  const reason = error instanceof Error ? error.message : String(error);
  return { sent: false, permanent: code !== undefined && code >= 500, reason };
}
