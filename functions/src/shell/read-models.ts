// What the read-model triggers share: one trigger per written collection
// keeps every read model of that collection (the client stats, the overview,
// the calendar feed), so a write starts one function instead of one per model.
import type { DocumentSnapshot } from "firebase-admin/firestore";
import type { Change } from "firebase-functions/v2/firestore";

/** Both versions of a written document; a version that does not exist (before a create, after a delete) is undefined. */
export function versions(change: Change<DocumentSnapshot> | undefined): { before: DocumentSnapshot | undefined; after: DocumentSnapshot | undefined } {
  return { before: change?.before.exists ? change.before : undefined, after: change?.after.exists ? change.after : undefined };
}

/**
 * Runs the read models' updates of one change side by side. Each gets its
 * chance even when another fails; then the trigger fails with the first
 * failure. Every update is idempotent per event (a marker per event id), so
 * a delivery again counts nothing twice.
 */
export async function updateEach(updates: (() => Promise<unknown>)[]): Promise<void> {
  const outcomes = await Promise.allSettled(updates.map((update) => update()));
  const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected");
  if (failed) throw failed.reason;
}
