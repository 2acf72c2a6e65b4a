import { DocumentSnapshot, Timestamp } from "firebase-admin/firestore";
import { DateTime } from "luxon";
import { computeClientStats, isPseudonym } from "../../domain/clients.js";
import { db } from "../firebase.js";
import { bookingsCol, clientRecordRef, erasuresCol, packsCol, paymentsCol } from "../firestore/refs.js";

/** What a refresh did: wrote the stats, or left them (a newer computation is there, the client was erased, or there is nothing to describe). */
export type RefreshOutcome = "written" | "stale" | "erased" | "pseudonym" | "nothing";

const instant = (time: Timestamp) => DateTime.fromMillis(time.toMillis(), { zone: "utc" });

/**
 * Recomputes coaches/{c}/clients/{uid}.stats from all of the client's
 * bookings, payments and packs (three plain queries, see below). A small
 * transaction writes the stats unless the record holds stats computed from
 * a later read (triggers may finish out of order), creating the record with
 * only `stats` when it does not exist yet (mergeFields: name, email and
 * notes of an existing record are never touched). After an erasure, stats
 * read before it, or that find nothing (the kept records now carry a
 * pseudonym), never bring the record back; a client with no record and no
 * records at all gets none.
 */
export async function refreshClientStats(coachId: string, clientUid: string, now: DateTime): Promise<RefreshOutcome> {
  if (isPseudonym(clientUid)) return "pseudonym";
  // Plain queries, not a transaction: the Firestore emulator locks the whole
  // range a query inside a transaction reads (even a read-only one), which
  // made every booking of the coach wait behind these reads (bench: 50
  // bookings on 50 slots went from 7 s to 36 s). Each later change triggers
  // another refresh, so stats read a moment apart still converge, and the
  // bookings' read time (the earliest) orders the computations.
  const bookings = await bookingsCol(coachId).where("clientUid", "==", clientUid).get();
  const [payments, packs] = await Promise.all([
    paymentsCol(coachId).where("clientUid", "==", clientUid).get(),
    packsCol(coachId).where("clientUid", "==", clientUid).get(),
  ]);
  const read = { bookings, payments, packs, readTime: bookings.readTime };
  const found = read.bookings.size + read.payments.size + read.packs.size;
  const stats = computeClientStats({
    bookings: read.bookings.docs.map((doc) => ({ id: doc.id, data: doc.data() })),
    payments: read.payments.docs.map((doc) => doc.data()),
    packs: read.packs.docs.map((doc) => doc.data()),
    now,
    asOf: instant(read.readTime),
  });

  const ref = clientRecordRef(coachId, clientUid);
  return db().runTransaction(async (tx): Promise<RefreshOutcome> => {
    const [record, erasure] = await Promise.all([tx.get(ref), tx.get(erasuresCol(coachId).doc(clientUid))]);
    const erasedAt = erasure.exists ? erasure.updateTime : undefined;
    if (erasedAt && (erasedAt.toMillis() >= read.readTime.toMillis() || (!record.exists && found === 0))) return "erased";
    // Nobody to describe: no record and no booking, payment or pack (e.g. the trigger of a deleted document).
    if (!record.exists && found === 0) return "nothing";
    const current = record.data()?.stats;
    if (current && current.asOf > stats.asOf) return "stale";
    tx.set(ref, { stats }, { mergeFields: ["stats"] });
    return "written";
  });
}

/** The client uids of the document versions of an event (before and after an update; usually one). */
export function clientUidsOf(snapshots: DocumentSnapshot[]): string[] {
  const uids = snapshots.map((snapshot) => snapshot.get("clientUid")).filter((uid): uid is string => typeof uid === "string" && uid !== "");
  return [...new Set(uids)];
}

/** Refreshes the stats of every client the document versions name. */
export async function refreshFor(coachId: string, snapshots: DocumentSnapshot[]): Promise<void> {
  const now = DateTime.utc();
  for (const clientUid of clientUidsOf(snapshots)) await refreshClientStats(coachId, clientUid, now);
}

/** True when a pack write changes what the stats read from it: owner, status, units left or payment. */
export function packChangesStats(change: { before: DocumentSnapshot; after: DocumentSnapshot }): boolean {
  const facts = (snapshot: DocumentSnapshot) => JSON.stringify(["clientUid", "status", "remaining", "payment"].map((field) => snapshot.get(field) ?? null));
  return facts(change.before) !== facts(change.after);
}
