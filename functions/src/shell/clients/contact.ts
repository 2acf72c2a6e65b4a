import type { Transaction } from "firebase-admin/firestore";
import { Contact } from "../../api/booking.js";
import { clientsCol } from "../firestore/refs.js";

/**
 * Keeps how the coach can reach a client on the client's record with that
 * coach (created on the first booking); the coach's private notes are untouched.
 */
export function saveContact(tx: Transaction, coachId: string, uid: string, email: string | undefined, contact: Contact | undefined): void {
  if (!contact) return;
  tx.set(clientsCol(coachId).doc(uid), { name: contact.name, phone: contact.phone, ...(email ? { email } : {}) }, { merge: true });
}
