import type { Transaction } from "firebase-admin/firestore";
import { Contact } from "../../api/booking.js";
import { clientsCol } from "../firestore/refs.js";

/**
 * Keeps how the coach can reach a client on the client's record with that
 * coach (created on the first booking): the signed-in address, and what the
 * client typed, with the language and zone their e-mails use. The coach's
 * private notes are untouched.
 */
export function saveContact(tx: Transaction, coachId: string, uid: string, email: string | undefined, contact: Contact | undefined): void {
  if (!contact && !email) return;
  const typed = contact
    ? {
        name: contact.name,
        phone: contact.phone,
        ...(contact.language ? { language: contact.language } : {}),
        ...(contact.timeZone ? { timeZone: contact.timeZone } : {}),
      }
    : {};
  tx.set(clientsCol(coachId).doc(uid), { ...typed, ...(email ? { email } : {}) }, { merge: true });
}
