import { DocumentData, DocumentReference, SetOptions, WithFieldValue } from "firebase-admin/firestore";
import { PackChange } from "../../domain/packs.js";
import { ledgerCol, packsCol } from "../firestore/refs.js";

/** What a transaction and a batch have in common. */
export interface DocWriter {
  set<T>(ref: DocumentReference<T>, data: WithFieldValue<T>): unknown;
  set(ref: DocumentReference<DocumentData>, data: DocumentData, options: SetOptions): unknown;
  create<T>(ref: DocumentReference<T>, data: WithFieldValue<T>): unknown;
  delete<T>(ref: DocumentReference<T>): unknown;
}

/**
 * Writes a pack's new state and its ledger entries in the transaction.
 * Entries are created, never set: an entry id is derived from its cause, so
 * applying a cause twice fails the transaction instead of counting twice.
 */
export function writePackChange(tx: DocWriter, coachId: string, change: PackChange): void {
  tx.set(packsCol(coachId).doc(change.packId), change.pack);
  for (const entry of change.entries) tx.create(ledgerCol(coachId, change.packId).doc(entry.id), entry.data);
}
