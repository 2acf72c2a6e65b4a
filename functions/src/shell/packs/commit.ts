import { DateTime } from "luxon";
import { mailsForPackChange } from "../../domain/client-mail-plan.js";
import { PackChange } from "../../domain/packs.js";
import { ledgerCol, packsCol } from "../firestore/refs.js";
import { DocWriter } from "../firestore/writer.js";
import { schedulePack, type Schedule } from "../jobs/schedule.js";
import { writeMails } from "../mail/outbox.js";

/**
 * Writes a pack's new state and its ledger entries in the transaction, with
 * its due-time job (payment nudge, end warning, expiry) for that state.
 * Entries are created, never set: an entry id is derived from its cause, so
 * applying a cause twice fails the transaction instead of counting twice.
 * The client's mails about the change (pack bought, one unit left, the
 * expiry notice) are written with it.
 */
export function writePackChange(tx: DocWriter, coachId: string, coach: Schedule, change: PackChange, now: DateTime): void {
  writePackState(tx, coachId, change);
  schedulePack(tx, coachId, coach, change.packId, change.pack, now);
}

/** writePackChange without the job: for the job itself (shell/jobs/run.ts), which writes its own next time. */
export function writePackState(tx: DocWriter, coachId: string, change: PackChange): void {
  tx.set(packsCol(coachId).doc(change.packId), change.pack);
  for (const entry of change.entries) tx.create(ledgerCol(coachId, change.packId).doc(entry.id), entry.data);
  const at = change.entries[0]?.data.at;
  if (at) writeMails(tx, coachId, mailsForPackChange(change), at);
}
