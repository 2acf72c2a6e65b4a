import { mailsForPackChange } from "../../domain/client-mail-plan.js";
import { PackChange } from "../../domain/packs.js";
import { ledgerCol, packsCol } from "../firestore/refs.js";
import { DocWriter } from "../firestore/writer.js";
import { writeMails } from "../mail/outbox.js";

/**
 * Writes a pack's new state and its ledger entries in the transaction.
 * Entries are created, never set: an entry id is derived from its cause, so
 * applying a cause twice fails the transaction instead of counting twice.
 * The client's mails about the change (pack bought, one unit left, the
 * expiry notice) are written with it.
 */
export function writePackChange(tx: DocWriter, coachId: string, change: PackChange): void {
  tx.set(packsCol(coachId).doc(change.packId), change.pack);
  for (const entry of change.entries) tx.create(ledgerCol(coachId, change.packId).doc(entry.id), entry.data);
  const at = change.entries[0]?.data.at;
  if (at) writeMails(tx, coachId, mailsForPackChange(change), at);
}
