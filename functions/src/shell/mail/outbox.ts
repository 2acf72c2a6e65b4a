import { DateTime } from "luxon";
import { PlannedMail, outboxMail } from "../../domain/client-mail-plan.js";
import { DocWriter } from "../firestore/writer.js";
import { mailOutboxCol } from "../firestore/refs.js";

/**
 * Writes mails to clients into the coach's mail outbox, in the transaction
 * of the change that causes them (transactional outbox). Each id names its
 * cause, so a cause writes its mail once; the same cause arising again (a
 * session moved back to a time it had) writes it afresh.
 */
export function writeMails(tx: DocWriter, coachId: string, mails: readonly PlannedMail[], now: DateTime): void {
  for (const mail of mails) tx.set(mailOutboxCol(coachId).doc(mail.id), outboxMail(mail, now));
}
