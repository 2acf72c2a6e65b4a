import { DocumentReference, DocumentSnapshot, Timestamp, Transaction } from "firebase-admin/firestore";
import { DateTime } from "luxon";
import { Booking } from "../../domain/booking.js";
import {
  ClientStats,
  NO_COUNTS,
  StatsSource,
  UPCOMING_KEPT,
  computeClientStats,
  countsAfterChange,
  isPseudonym,
  namedRecord,
  sessionsView,
  type ClientRecord,
} from "../../domain/clients.js";
import { Pack } from "../../domain/packs.js";
import { PaymentRecord } from "../../domain/payments.js";
import { parseDoc } from "../firestore/converter.js";
import { db } from "../firebase.js";
import { bookingsCol, clientRecordRef, erasuresCol, packsCol, paymentsCol, statsEventRef } from "../firestore/refs.js";

/** What a refresh did: wrote the stats, or left them (a newer computation is there, the client was erased, or there is nothing to describe). */
export type RefreshOutcome = "written" | "stale" | "erased" | "pseudonym" | "nothing";

const instant = (time: Timestamp) => DateTime.fromMillis(time.toMillis(), { zone: "utc" });

/**
 * The full recomputation (repairs and tests; the triggers count changes,
 * applyStatsChange below): coaches/{c}/clients/{uid}.stats from all of the client's
 * bookings, payments and packs (three plain queries, see below). A small
 * transaction writes the stats unless the record holds stats computed from
 * a later read (triggers may finish out of order), creating the record with
 * `stats` and an empty name when it does not exist yet (mergeFields: name,
 * email and notes of an existing record are never touched). After an erasure, stats
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
    writeStats(tx, ref, record.exists, stats);
    return "written";
  });
}

/** Writes the figures on the client's record; a record the stats create (before any name) sorts last in the coach's list. */
function writeStats(tx: Transaction, ref: DocumentReference<ClientRecord>, exists: boolean, stats: ClientStats): void {
  if (exists) tx.set(ref, { stats }, { mergeFields: ["stats"] });
  else tx.set(ref, { stats, ...namedRecord("") }, { mergeFields: ["stats", "name", "sortKey"] });
}

/** The client uids of the document versions of an event (before and after an update; usually one). */
export function clientUidsOf(snapshots: (DocumentSnapshot | undefined)[]): string[] {
  const uids = snapshots.map((snapshot) => snapshot?.get("clientUid")).filter((uid): uid is string => typeof uid === "string" && uid !== "");
  return [...new Set(uids)];
}

/** A trigger's document change, as the stats count it. */
export interface StatsChange {
  /** The trigger event's id: the change is counted once, however often it is delivered. */
  eventId: string;
  /** When the document was written. */
  at: DateTime;
  kind: StatsSource["kind"];
  before?: DocumentSnapshot;
  after?: DocumentSnapshot;
}

/** What applying a change did. */
export type ChangeOutcome = "applied" | "duplicate" | "gone" | "counted" | "erased" | "pseudonym" | "nothing";

/** Markers of counted changes are kept this long (trigger retries come within minutes). */
const MARKER_KEPT_DAYS = 7;

const schemaOf = { booking: Booking, pack: Pack, payment: PaymentRecord } as const;

/** The document version as a stats source, if it exists and is the client's. */
function sourceOf(kind: StatsSource["kind"], snapshot: DocumentSnapshot | undefined, clientUid: string): StatsSource | undefined {
  if (!snapshot?.exists || snapshot.get("clientUid") !== clientUid) return undefined;
  return { kind, data: parseDoc(schemaOf[kind], snapshot.data() ?? {}) } as StatsSource;
}

/**
 * The client's sessions view from a few bookings: the first UPCOMING_KEPT
 * requested or confirmed sessions after `now`, and the latest that took
 * place. Two bounded queries (composite indexes in firestore.indexes.json),
 * whatever the length of the client's history; `readAt` orders the reads.
 */
async function readSessionsView(coachId: string, clientUid: string, now: DateTime) {
  const at = Timestamp.fromMillis(now.toMillis());
  const mine = bookingsCol(coachId).where("clientUid", "==", clientUid);
  const [upcoming, last] = await Promise.all([
    mine.where("status", "in", ["requested", "confirmed"]).where("startsAt", ">", at).orderBy("startsAt").limit(UPCOMING_KEPT).get(),
    mine.where("status", "in", ["completed", "confirmed"]).where("startsAt", "<=", at).orderBy("startsAt", "desc").limit(1).get(),
  ]);
  const view = sessionsView(
    upcoming.docs.map((doc) => ({ id: doc.id, data: doc.data() })),
    last.docs[0]?.data(),
  );
  return { ...view, readAt: instant(upcoming.readTime < last.readTime ? upcoming.readTime : last.readTime) };
}

/**
 * Counts one document change in its clients' stats (the triggers): each
 * summed figure moves by the change's difference, in a transaction with a
 * marker per event, so a change delivered twice counts once and changes
 * arriving in any order sum to the same figures. A booking change also reads
 * the sessions view again (two small queries). Never brings back an erased
 * client's record for changes made before the erasure, never counts a change
 * a later full recomputation already read, and creates no record for a
 * change that leaves the client with nothing.
 */
export async function applyStatsChange(coachId: string, change: StatsChange, now: DateTime): Promise<ChangeOutcome[]> {
  const outcomes: ChangeOutcome[] = [];
  for (const clientUid of clientUidsOf([change.before, change.after])) {
    outcomes.push(await applyForClient(coachId, clientUid, change, now));
  }
  return outcomes;
}

async function applyForClient(coachId: string, clientUid: string, change: StatsChange, now: DateTime): Promise<ChangeOutcome> {
  if (isPseudonym(clientUid)) return "pseudonym";
  const before = sourceOf(change.kind, change.before, clientUid);
  const after = sourceOf(change.kind, change.after, clientUid);
  const view = change.kind === "booking" ? await readSessionsView(coachId, clientUid, now) : undefined;
  const ref = clientRecordRef(coachId, clientUid);
  const marker = statsEventRef(coachId, clientUid, change.eventId);
  const changed = change.after ?? change.before;
  return db().runTransaction(async (tx): Promise<ChangeOutcome> => {
    const [record, erasure, seen, document] = await Promise.all([
      tx.get(ref),
      tx.get(erasuresCol(coachId).doc(clientUid)),
      tx.get(marker),
      changed ? tx.get(db().doc(changed.ref.path)) : undefined,
    ]);
    if (seen.exists) return "duplicate";
    // A change of a document that is gone, or was deleted and written anew since (an emulator reset), counts no more.
    if (!document?.exists || !changed?.createTime || !document.createTime?.isEqual(changed.createTime)) return "gone";
    if (erasure.exists && erasure.updateTime && erasure.updateTime.toMillis() >= change.at.toMillis()) return "erased";
    if (!record.exists && !after) return "nothing";
    const current = record.data()?.stats ?? { ...NO_COUNTS, lastSessionAt: null, upcoming: [], asOf: change.at, viewAsOf: null, rebuiltAt: null };
    if (current.rebuiltAt && change.at <= current.rebuiltAt) return "counted";
    const newerView = view && (!current.viewAsOf || view.readAt > current.viewAsOf);
    const stats: ClientStats = {
      ...current,
      ...countsAfterChange(current, before, after),
      ...(newerView ? { upcoming: view.upcoming, lastSessionAt: view.lastSessionAt, viewAsOf: view.readAt } : {}),
      asOf: change.at > current.asOf ? change.at : current.asOf,
    };
    writeStats(tx, ref, record.exists, stats);
    tx.set(marker, { expireAt: Timestamp.fromMillis(now.plus({ days: MARKER_KEPT_DAYS }).toMillis()) });
    return "applied";
  });
}

/** A trigger event's change: its id, and the time of the write (the written version's update time; the event's own time is when it was sent). */
export function statsChange(
  kind: StatsSource["kind"],
  event: { id: string; time: string },
  before: DocumentSnapshot | undefined,
  after: DocumentSnapshot | undefined,
): StatsChange {
  const written = after?.updateTime ?? before?.updateTime;
  return { eventId: event.id, at: written ? instant(written) : DateTime.fromISO(event.time, { zone: "utc" }), kind, before, after };
}

/** True when a pack write changes what the stats read from it: owner, status, units left or payment. */
export function packChangesStats(change: { before: DocumentSnapshot; after: DocumentSnapshot }): boolean {
  const facts = (snapshot: DocumentSnapshot) => JSON.stringify(["clientUid", "status", "remaining", "payment"].map((field) => snapshot.get(field) ?? null));
  return facts(change.before) !== facts(change.after);
}
