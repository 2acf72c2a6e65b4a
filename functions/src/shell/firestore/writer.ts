import { DocumentData, DocumentReference, SetOptions, WithFieldValue } from "firebase-admin/firestore";

/** What a transaction and a batch have in common. */
export interface DocWriter {
  set<T>(ref: DocumentReference<T>, data: WithFieldValue<T>): unknown;
  set(ref: DocumentReference<DocumentData>, data: DocumentData, options: SetOptions): unknown;
  create<T>(ref: DocumentReference<T>, data: WithFieldValue<T>): unknown;
  delete<T>(ref: DocumentReference<T>): unknown;
}
