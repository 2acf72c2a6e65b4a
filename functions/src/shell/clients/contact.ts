import type { Transaction } from "firebase-admin/firestore";
import { Contact } from "../../api/booking.js";
import { clientSortKey, type ClientRecord } from "../../domain/clients.js";
import { clientRecordRef, clientsCol } from "../firestore/refs.js";

/** The client's record with the coach, read in a transaction's read phase for saveContact. */
export async function readContact(tx: Transaction, coachId: string, uid: string): Promise<ClientRecord | undefined> {
  return (await tx.get(clientRecordRef(coachId, uid))).data();
}

/**
 * Keeps how the coach can reach a client on the client's record with that
 * coach (created on the first booking): the signed-in address, and what the
 * client typed, with the language and zone their e-mails use, and the name's
 * sort key (a record without one would be missing from the coach's list).
 * The coach's private notes are untouched.
 */
export function saveContact(
  tx: Transaction,
  coachId: string,
  uid: string,
  existing: ClientRecord | undefined,
  email: string | undefined,
  contact: Contact | undefined,
): void {
  if (!contact && !email) return;
  const typed = contact
    ? {
        name: contact.name,
        phone: contact.phone,
        ...(contact.language ? { language: contact.language } : {}),
        ...(contact.timeZone ? { timeZone: contact.timeZone } : {}),
      }
    : {};
  const sortKey = clientSortKey(contact?.name ?? existing?.name ?? "");
  tx.set(clientsCol(coachId).doc(uid), { ...typed, sortKey, ...(email ? { email } : {}) }, { merge: true });
}
