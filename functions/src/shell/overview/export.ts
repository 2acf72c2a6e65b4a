// A month's sessions and payments for the coach's books (exportMonth).
import { Timestamp } from "firebase-admin/firestore";
import type { ExportMonthResult } from "../../api/overview.js";
import type { Coach } from "../../domain/coach.js";
import { monthCsv, monthSpan } from "../../domain/overview.js";
import { bookingsCol, paymentsCol } from "../firestore/refs.js";
import { namesOf } from "./read.js";

/** Rows of each kind one export holds at most (a coach's month has a few hundred). */
export const EXPORT_LIMIT = 2000;

/**
 * The month's sessions (start in the month, held checkouts aside) and
 * payments (recorded in the month) as CSV, with the names they show: two
 * range queries on single-field indexes, then the named client records,
 * session types and packs, each once.
 */
export async function loadMonthExport(coachId: string, coach: Coach, month: string): Promise<ExportMonthResult> {
  const { start, end } = monthSpan(month, coach.timeZone);
  const from = Timestamp.fromMillis(start.toMillis());
  const to = Timestamp.fromMillis(end.toMillis());
  const [bookings, payments] = await Promise.all([
    bookingsCol(coachId)
      .where("startsAt", ">=", from)
      .where("startsAt", "<", to)
      .orderBy("startsAt")
      .limit(EXPORT_LIMIT + 1)
      .get(),
    paymentsCol(coachId)
      .where("at", ">=", from)
      .where("at", "<", to)
      .orderBy("at")
      .limit(EXPORT_LIMIT + 1)
      .get(),
  ]);
  const sessions = bookings.docs
    .slice(0, EXPORT_LIMIT)
    .map((doc) => ({ id: doc.id, data: doc.data() }))
    .filter((b) => b.data.status !== "held");
  const money = payments.docs.slice(0, EXPORT_LIMIT).map((doc) => ({ id: doc.id, data: doc.data() }));
  const names = await namesOf(coachId, {
    clients: [...sessions.map((b) => b.data.clientUid), ...money.map((p) => p.data.clientUid)],
    offerings: sessions.map((b) => b.data.offeringId),
    packs: money.flatMap((p) => (p.data.target.type === "pack" ? [p.data.target.id] : [])),
  });
  const csv = monthCsv({
    month,
    timeZone: coach.timeZone,
    currency: coach.currency,
    bookings: sessions,
    payments: money,
    clientName: names.client,
    offeringTitle: names.offering,
    packName: names.pack,
  });
  return {
    filename: `solocoach-${coach.slug}-${month}.csv`,
    csv,
    sessions: sessions.length,
    payments: money.length,
    truncated: bookings.size > EXPORT_LIMIT || payments.size > EXPORT_LIMIT,
  };
}
