// Keeps the overview read model (domain/overview.ts) by the triggers
// overviewOn*: each document change moves the affected year documents and
// the totals by its delta, once per trigger event; a booking change also
// reads its clients' first and latest session again. rebuildOverview
// recomputes everything from the records (repairs, the bench).
import { DocumentReference, DocumentSnapshot, FieldValue, Timestamp, Transaction } from "firebase-admin/firestore";
import { DateTime } from "luxon";
import { Booking } from "../../domain/booking.js";
import { isPseudonym } from "../../domain/clients.js";
import {
  CURRENT_DOC,
  REBUILT_DOC,
  SESSION_STATUSES,
  deltaByDoc,
  docPart,
  nestedDelta,
  openTargetId,
  openTargetOf,
  overviewDelta,
  OpenTarget,
  recomputeOverview,
  type OverviewSource,
} from "../../domain/overview.js";
import { Pack } from "../../domain/packs.js";
import { PaymentRecord } from "../../domain/payments.js";
import { parseDoc } from "../firestore/converter.js";
import { bookingsCol, coachRef, erasuresCol, packsCol, paymentsCol } from "../firestore/refs.js";
import { db } from "../firebase.js";
import { clientActivityCol, openTargetsCol, overviewCol, overviewDocRef, overviewEventRef, overviewRebuiltRef } from "./refs.js";

const instant = (time: Timestamp) => DateTime.fromMillis(time.toMillis(), { zone: "utc" });

/** Markers of counted changes are kept this long (trigger retries come within minutes). */
const MARKER_KEPT_DAYS = 7;

/** A trigger's document change, as the overview counts it. */
export interface OverviewDocChange {
  /** The trigger event's id: the change is counted once, however often it is delivered. */
  eventId: string;
  /** When the document was written (the version's update time). */
  at: DateTime;
  kind: OverviewSource["kind"];
  before?: DocumentSnapshot;
  after?: DocumentSnapshot;
}

/** A trigger event's change: its id, and the time of the write (the written version's update time; the event's own time is when it was sent). */
export function overviewChange(
  kind: OverviewSource["kind"],
  event: { id: string; time: string },
  before: DocumentSnapshot | undefined,
  after: DocumentSnapshot | undefined,
): OverviewDocChange {
  const written = after?.updateTime ?? before?.updateTime;
  return { eventId: event.id, at: written ? instant(written) : DateTime.fromISO(event.time, { zone: "utc" }), kind, before, after };
}

/** The fields of each kind of document the overview reads: a write that changes none of them moves nothing. */
const FACTS: Record<OverviewSource["kind"], string[]> = {
  booking: ["clientUid", "status", "startsAt", "endsAt", "resolution", "payment"],
  pack: ["clientUid", "status", "units", "remaining", "priceMinor", "purchasedAt", "payment"],
  payment: ["kind", "method", "amountMinor", "at"],
};

/** True when an update changes what the overview reads of the document (an expiry extension, a booking's note or invite do not). */
export function changesOverview(kind: OverviewSource["kind"], change: { before: DocumentSnapshot; after: DocumentSnapshot }): boolean {
  const facts = (snapshot: DocumentSnapshot) => JSON.stringify(FACTS[kind].map((field) => snapshot.get(field) ?? null));
  return facts(change.before) !== facts(change.after);
}

const schemaOf = { booking: Booking, pack: Pack, payment: PaymentRecord } as const;

/** The document version as an overview source, if it exists. */
function sourceOf(kind: OverviewSource["kind"], snapshot: DocumentSnapshot | undefined): OverviewSource | undefined {
  if (!snapshot?.exists) return undefined;
  return { kind, data: parseDoc(schemaOf[kind], snapshot.data() ?? {}) } as OverviewSource;
}

/** What counting a change did. */
export type OverviewOutcome = "applied" | "duplicate" | "gone" | "counted" | "nothing" | "no_coach";

/**
 * Counts one document change in the coach's overview, in one transaction:
 * the event's marker (seen → "duplicate"), the changed document as it
 * stands now (gone, or written anew since an emulator reset → "gone") and
 * the last recomputation (it read the change already → "counted") are read;
 * then the delta goes to the year documents and the totals it touches (1–3;
 * a session moved across New Year touches two years) as blind increments,
 * which never conflict: a burst of one coach's changes (50 bookings at once)
 * does not contend on the read model. A pack's or booking's entry among the
 * open targets is written from the document as it stands, whatever the
 * order the events come in. A change that moves nothing writes nothing more.
 */
export async function applyOverviewChange(coachId: string, change: OverviewDocChange, now: DateTime): Promise<OverviewOutcome> {
  // The zone is fixed at sign-up (saveProfile keeps it), so reading it outside the transaction is safe.
  const coach = (await coachRef(coachId).get()).data();
  if (!coach) return "no_coach";
  const parts = deltaByDoc(overviewDelta(sourceOf(change.kind, change.before), sourceOf(change.kind, change.after), coach.timeZone));
  // Only packs and singly paid sessions can be owed: a session paid by a pack unit has no entry to keep.
  const tracksOpen = change.kind === "pack" || [change.before, change.after].some((version) => version?.get("payment.method") === "single");
  if (parts.size === 0 && !tracksOpen) return "nothing";
  const marker = overviewEventRef(coachId, change.eventId);
  const changed = change.after ?? change.before;
  return db().runTransaction(async (tx): Promise<OverviewOutcome> => {
    const openRef =
      changed && tracksOpen ? openTargetsCol(coachId).doc(openTargetId({ type: change.kind === "pack" ? "pack" : "booking", id: changed.id })) : undefined;
    const [seen, document, rebuilt, openEntry] = await Promise.all([
      tx.get(marker),
      changed ? tx.get(db().doc(changed.ref.path)) : undefined,
      tx.get(overviewRebuiltRef(coachId)),
      openRef ? tx.get(openRef) : undefined,
    ]);
    if (!document?.exists || !changed?.createTime || !document.createTime?.isEqual(changed.createTime)) return "gone";
    if (openRef && openEntry) keepOpenTarget(tx, openRef, openEntry, change.kind, document);
    if (parts.size === 0) return "nothing";
    if (seen.exists) return "duplicate";
    tx.set(marker, { expireAt: now.plus({ days: MARKER_KEPT_DAYS }) });
    const rebuiltAt = rebuilt.data()?.at;
    if (rebuiltAt && change.at <= rebuiltAt) return "counted";
    for (const [id, part] of parts) {
      tx.set(
        overviewDocRef(coachId, id),
        nestedDelta(part, (amount) => FieldValue.increment(amount)),
        { merge: true },
      );
    }
    return "applied";
  });
}

/** Keeps a pack's or booking's entry among the open targets as the document stands: there while it lacks money, else gone; written only when it changes. */
function keepOpenTarget(
  tx: Transaction,
  ref: DocumentReference<OpenTarget>,
  stored: DocumentSnapshot<OpenTarget>,
  kind: OverviewSource["kind"],
  document: DocumentSnapshot,
): void {
  const source = sourceOf(kind, document);
  const entry = source && source.kind !== "payment" ? openTargetOf(document.id, source) : null;
  if (!entry) {
    if (stored.exists) tx.delete(ref);
    return;
  }
  // Compared as JSON (instants as ISO text), both in the schema's field order.
  if (!stored.exists || JSON.stringify(stored.data()) !== JSON.stringify(OpenTarget.parse(entry))) tx.set(ref, entry);
}

/**
 * Reads a client's first and latest session again (two bounded queries on
 * the composite indexes of clientUid, status and startsAt) and keeps them in
 * coaches/{c}/overviewClients/{uid}, unless a later read is there already.
 * A client left with no session keeps the document with both null (so an
 * older read that arrives late cannot bring the sessions back); an erased
 * client's document is removed and never written again, and pseudonyms are
 * no clients. The changed document must still be the one the event is about
 * (not an emulator reset since).
 */
export async function refreshClientActivity(
  coachId: string,
  clientUid: string,
  changed: DocumentSnapshot | undefined,
): Promise<"written" | "stale" | "gone" | "erased" | "pseudonym"> {
  if (isPseudonym(clientUid)) return "pseudonym";
  const sessions = bookingsCol(coachId)
    .where("clientUid", "==", clientUid)
    .where("status", "in", [...SESSION_STATUSES]);
  const [first, last] = await Promise.all([sessions.orderBy("startsAt").limit(1).get(), sessions.orderBy("startsAt", "desc").limit(1).get()]);
  const readAt = instant(first.readTime < last.readTime ? first.readTime : last.readTime);
  const ref = clientActivityCol(coachId).doc(clientUid);
  return db().runTransaction(async (tx) => {
    const [stored, erasure, document] = await Promise.all([
      tx.get(ref),
      tx.get(erasuresCol(coachId).doc(clientUid)),
      changed ? tx.get(db().doc(changed.ref.path)) : undefined,
    ]);
    if (changed && (!document?.exists || !changed.createTime || !document.createTime?.isEqual(changed.createTime))) return "gone";
    if (erasure.exists) {
      if (stored.exists) tx.delete(ref);
      return "erased";
    }
    const kept = stored.data();
    if (kept && kept.readAt >= readAt) return "stale";
    tx.set(ref, { firstSessionAt: first.docs[0]?.data().startsAt ?? null, lastSessionAt: last.docs[0]?.data().startsAt ?? null, readAt });
    return "written";
  });
}

/** The client uids of a booking change's versions (both, when a booking changed hands or was pseudonymised). */
export function clientsOf(change: OverviewDocChange): string[] {
  const uids = [change.before, change.after]
    .map((snapshot) => snapshot?.get("clientUid"))
    .filter((uid): uid is string => typeof uid === "string" && uid !== "");
  return [...new Set(uids)];
}

/**
 * True when a booking change may move a client's first or latest session:
 * it changed hands (an erasure's pseudonym: the old client's record goes),
 * or one of its versions is a session (confirmed or completed) and it was
 * created or its status or start changed. A request declined, or a checkout
 * that ended unpaid, moves nothing.
 */
export function movesActivity(change: OverviewDocChange): boolean {
  const { before, after } = change;
  if (before && after && before.get("clientUid") !== after.get("clientUid")) return true;
  if (![before, after].some((version) => (SESSION_STATUSES as readonly unknown[]).includes(version?.get("status")))) return false;
  if (!before || !after) return true;
  return ["status", "startsAt"].some((field) => JSON.stringify(before.get(field)) !== JSON.stringify(after.get(field)));
}

/** What a booking trigger does: count the change, then refresh its clients' activity when it may have moved. */
export async function applyBookingChange(coachId: string, change: OverviewDocChange, now: DateTime): Promise<void> {
  await applyOverviewChange(coachId, change, now);
  if (!movesActivity(change)) return;
  for (const clientUid of clientsOf(change)) await refreshClientActivity(coachId, clientUid, change.after ?? change.before);
}

/**
 * Recomputes the whole overview of a coach from every booking, payment and
 * pack and writes every year document, the totals and `rebuilt` (its read
 * time), all in one transaction: the reads hold off the writes of bookings,
 * packs and payments until it commits, so nothing is written between what it
 * read and what it writes, and the triggers of changes it read count nothing
 * more. Year documents nothing falls in any more are emptied. Reads the whole
 * history: a repair path (and the bench's seeding), never a screen's. Then
 * each client's activity is written from the same read (versioned by its
 * read time like the triggers' refreshes).
 */
export async function rebuildOverview(coachId: string): Promise<{ years: string[]; records: number }> {
  const coach = (await coachRef(coachId).get()).data();
  if (!coach) throw new Error(`no coach ${coachId}`);
  const read = await db().runTransaction(async (tx) => {
    const [bookings, payments, packs, stored] = await Promise.all([
      tx.get(bookingsCol(coachId)),
      tx.get(paymentsCol(coachId)),
      tx.get(packsCol(coachId)),
      tx.get(overviewCol(coachId)),
    ]);
    const readTimes = [bookings.readTime, payments.readTime, packs.readTime].map(instant);
    const rebuiltAt = readTimes.reduce((latest, time) => (time > latest ? time : latest));
    const overview = recomputeOverview({
      bookings: bookings.docs.map((doc) => doc.data()),
      payments: payments.docs.map((doc) => doc.data()),
      packs: packs.docs.map((doc) => doc.data()),
      timeZone: coach.timeZone,
    });
    const years = new Set([...Object.keys(overview.months), ...Object.keys(overview.weeks)].map((key) => key.slice(0, 4)));
    for (const doc of stored.docs) if (doc.id !== CURRENT_DOC && doc.id !== REBUILT_DOC) years.add(doc.id);
    for (const year of years) tx.set(overviewDocRef(coachId, year), docPart(overview, year));
    tx.set(overviewDocRef(coachId, CURRENT_DOC), docPart(overview, CURRENT_DOC));
    tx.set(overviewRebuiltRef(coachId), { at: rebuiltAt });
    const open = [
      ...bookings.docs.map((doc) => openTargetOf(doc.id, { kind: "booking", data: doc.data() })),
      ...packs.docs.map((doc) => openTargetOf(doc.id, { kind: "pack", data: doc.data() })),
    ].filter((entry) => entry !== null);
    return { bookings: bookings.docs.map((doc) => doc.data()), open, rebuiltAt, years: [...years].sort(), records: bookings.size + payments.size + packs.size };
  });
  await Promise.all([writeActivity(coachId, read.bookings, read.rebuiltAt), writeOpenTargets(coachId, read.open)]);
  return { years: read.years, records: read.records };
}

/** The open targets from a recomputation's read: entries of targets that lack nothing any more are removed. */
async function writeOpenTargets(coachId: string, open: OpenTarget[]): Promise<void> {
  const wanted = new Map(open.map((entry) => [openTargetId(entry.target), entry]));
  const kept = await openTargetsCol(coachId).get();
  const writer = db().bulkWriter();
  for (const doc of kept.docs) if (!wanted.has(doc.id)) void writer.delete(doc.ref);
  for (const [id, entry] of wanted) void writer.set(openTargetsCol(coachId).doc(id), entry);
  await writer.close();
}

/** Every client's first and latest session from all the coach's bookings, read at `readAt`; clients without one any more keep both null. */
async function writeActivity(coachId: string, bookings: Booking[], readAt: DateTime): Promise<void> {
  const activity = new Map<string, { firstSessionAt: DateTime; lastSessionAt: DateTime }>();
  for (const booking of bookings) {
    if (!(SESSION_STATUSES as readonly string[]).includes(booking.status) || isPseudonym(booking.clientUid)) continue;
    const seen = activity.get(booking.clientUid);
    activity.set(booking.clientUid, {
      firstSessionAt: seen && seen.firstSessionAt < booking.startsAt ? seen.firstSessionAt : booking.startsAt,
      lastSessionAt: seen && seen.lastSessionAt > booking.startsAt ? seen.lastSessionAt : booking.startsAt,
    });
  }
  const kept = await clientActivityCol(coachId).get();
  const writer = db().bulkWriter();
  for (const doc of kept.docs) {
    if (!activity.has(doc.id) && doc.data().readAt < readAt) void writer.set(doc.ref, { firstSessionAt: null, lastSessionAt: null, readAt });
  }
  for (const [clientUid, sessions] of activity) void writer.set(clientActivityCol(coachId).doc(clientUid), { ...sessions, readAt });
  await writer.close();
}
