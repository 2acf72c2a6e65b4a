import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { DateTime } from "luxon";
import { mailLinkSecret, smtpUrl } from "../shell/config.js";
import { deliverMail } from "../shell/mail/deliver.js";
import { emailTransport } from "../shell/mail/transport.js";

/**
 * A mail newly written to a client's outbox (a new cause, or the same cause
 * arising again) goes out at once if due; reminders and retries wait for
 * the sweep of scheduled/sweep-due-work.ts. The delivery's own status changes start nothing.
 */
export const deliverClientMail = onDocumentWritten({ document: "coaches/{coachId}/mailOutbox/{mailId}", secrets: [smtpUrl, mailLinkSecret] }, async (event) => {
  const after = event.data?.after;
  const before = event.data?.before;
  if (!after?.exists || after.get("status") !== "pending") return;
  if (before?.exists && before.get("createdAt")?.isEqual?.(after.get("createdAt"))) return;
  await deliverMail(event.params.coachId, event.params.mailId, DateTime.utc(), emailTransport());
});
