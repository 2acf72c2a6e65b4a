import { EmailTransport } from "../../gateways/email-transport.js";
import { SmtpTransport } from "../../gateways/smtp-transport.js";
import { smtpUrl } from "../config.js";

let transport: EmailTransport | undefined;

/** The e-mail transport: SMTP to SMTP_URL (in the emulators, the local inbox's server). One per process. */
export function emailTransport(): EmailTransport {
  transport ??= new SmtpTransport(smtpUrl.value());
  return transport;
}
