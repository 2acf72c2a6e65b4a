import { Timestamp, type Query } from "firebase-admin/firestore";
import { DateTime } from "luxon";
import { ClientDetailResult, clientCalls } from "../api/clients.js";
import { TIMELINE_PAGE, clientTimeline, statsAt, timelinePage } from "../domain/clients.js";
import { fail, ok } from "../domain/result.js";
import { iso } from "../domain/time.js";
import { readOwnCoach } from "../shell/calls/access.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { statsView, timelineView } from "../shell/calls/client-views.js";
import { bookingsCol, clientRecordRef, ledgerCol, offeringsCol, packsCol, paymentsCol } from "../shell/firestore/refs.js";

/** The oldest time of a source read newest first, when the read was cut at its limit. */
function horizonOf<T>(docs: { data(): T }[], limit: number, time: (data: T) => DateTime): DateTime[] {
  const oldest = docs.at(-1);
  return docs.length === limit && oldest ? [time(oldest.data())] : [];
}

/**
 * One client for their coach: contact and private notes, the figures, and a
 * page of a single timeline of sessions, payments and ledger entries, newest
 * first, ending at `before` (the newest page without it). Each source is
 * read newest first up to TIMELINE_PAGE (the ledgers of the packs bought by
 * then), so a page costs the same whatever the years of history; the page
 * says where the next one ends (domain timelinePage).
 */
export const getClientDetail = onSignedInCall(clientCalls.getClientDetail, async (input, { uid, now }) => {
  const coach = await readOwnCoach(input.coachId, uid);
  if (!coach.ok) return coach;
  const record = (await clientRecordRef(input.coachId, input.clientUid).get()).data();
  if (!record) return fail({ code: "CLIENT_NOT_FOUND" as const });
  const end = input.before ? Timestamp.fromMillis(DateTime.fromISO(input.before).toMillis()) : undefined;
  const newestFirst = <T>(query: Query<T>, field: string, limit: number) =>
    (end ? query.where(field, "<=", end) : query).orderBy(field, "desc").limit(limit).get();
  const { items, packs: packLimit } = TIMELINE_PAGE;
  const [bookings, payments, packs, offerings] = await Promise.all([
    newestFirst(bookingsCol(input.coachId).where("clientUid", "==", input.clientUid), "startsAt", items),
    newestFirst(paymentsCol(input.coachId).where("clientUid", "==", input.clientUid), "at", items),
    newestFirst(packsCol(input.coachId).where("clientUid", "==", input.clientUid), "purchasedAt", packLimit),
    offeringsCol(input.coachId).get(),
  ]);
  const ledger = await Promise.all(
    packs.docs.map(async (pack) => {
      const entries = await newestFirst(ledgerCol(input.coachId, pack.id), "at", items);
      return { packId: pack.id, packName: pack.data().name, entries: entries.docs, cut: horizonOf(entries.docs, items, (entry) => entry.at) };
    }),
  );
  const page = timelinePage(
    clientTimeline({
      bookings: bookings.docs.map((doc) => ({ id: doc.id, data: doc.data() })),
      payments: payments.docs.map((doc) => ({ id: doc.id, data: doc.data() })),
      ledger: ledger.map(({ packId, packName, entries }) => ({ packId, packName, entries: entries.map((doc) => ({ id: doc.id, data: doc.data() })) })),
    }),
    [
      ...horizonOf(bookings.docs, items, (booking) => booking.startsAt),
      ...horizonOf(payments.docs, items, (payment) => payment.at),
      ...horizonOf(packs.docs, packLimit, (pack) => pack.purchasedAt),
      ...ledger.flatMap(({ cut }) => cut),
    ],
  );
  const offeringOf = new Map(offerings.docs.map((doc) => [doc.id, doc.data()]));
  const result: ClientDetailResult = {
    client: {
      uid: input.clientUid,
      name: record.name,
      email: record.email,
      phone: record.phone,
      notes: record.notes,
      mailProblem: record.mailProblem ? { ...record.mailProblem, at: iso(record.mailProblem.at) } : null,
      remindersOff: record.remindersOff,
    },
    currency: coach.value.currency,
    stats: statsView(statsAt(record.stats, now)),
    timeline: page.items.map((item) => timelineView(item, coach.value, offeringOf)),
    olderBefore: page.olderBefore ? iso(page.olderBefore) : null,
  };
  return ok(result);
});
