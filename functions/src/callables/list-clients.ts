import { FieldPath, type QueryDocumentSnapshot } from "firebase-admin/firestore";
import { ClientsCursor, ListClientsInput, ListClientsResult, clientCalls } from "../api/clients.js";
import { matchesQuery, statsAt, type ClientRecord } from "../domain/clients.js";
import { ok } from "../domain/result.js";
import { readOwnCoach } from "../shell/calls/access.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { statsView } from "../shell/calls/client-views.js";
import { clientRecordsCol } from "../shell/firestore/refs.js";

/** A search reads the list in pages of this many records, and at most MAX_SCANNED records a call. */
const SCAN_PAGE = 100;
const MAX_SCANNED = 500;

const cursorOf = (doc: QueryDocumentSnapshot<ClientRecord>): ClientsCursor => ({ key: doc.data().sortKey, uid: doc.id });

/**
 * A page of the coach's clients in name order (the records' sort key, then
 * uid), with their figures from the stats read model rolled forward to now.
 * `query` keeps those whose name, email or phone contains it: Firestore
 * cannot search inside strings, so the records are read in name order until
 * the page is full or 500 were read. Reads: limit + 1 records for a plain
 * page (at most 500 for a search) and one count, whatever the history.
 */
export const listClients = onSignedInCall(clientCalls.listClients, async (input, { uid, now }) => {
  const coach = await readOwnCoach(input.coachId, uid);
  if (!coach.ok) return coach;
  const [page, total] = await Promise.all([readPage(input), clientRecordsCol(input.coachId).count().get()]);
  const result: ListClientsResult = {
    currency: coach.value.currency,
    clients: page.found.map((doc) => {
      const record = doc.data();
      return { uid: doc.id, name: record.name, email: record.email, phone: record.phone, stats: statsView(statsAt(record.stats, now)) };
    }),
    next: page.next,
    total: total.data().count,
  };
  return ok(result);
});

/** The clients of one page, and where the next one starts (null: nothing after). */
async function readPage(input: ListClientsInput): Promise<{ found: QueryDocumentSnapshot<ClientRecord>[]; next: ClientsCursor | null }> {
  const inOrder = clientRecordsCol(input.coachId).orderBy("sortKey").orderBy(FieldPath.documentId());
  // One more than the page: then a full page knows whether more follow.
  const size = input.query ? SCAN_PAGE : input.limit + 1;
  const found: QueryDocumentSnapshot<ClientRecord>[] = [];
  let after = input.after;
  let scanned = 0;
  for (;;) {
    const page = await (after ? inOrder.startAfter(after.key, after.uid) : inOrder).limit(size).get();
    for (const [index, doc] of page.docs.entries()) {
      if (!matchesQuery(doc.data(), input.query)) continue;
      found.push(doc);
      if (found.length === input.limit) return { found, next: index < page.size - 1 || page.size === size ? cursorOf(doc) : null };
    }
    const last = page.docs.at(-1);
    if (page.size < size || !last) return { found, next: null };
    after = cursorOf(last);
    scanned += page.size;
    if (scanned >= MAX_SCANNED) return { found, next: after };
  }
}
