// The read model behind the coach's calendar feed (http/calendar-feed.ts):
// one document per coach, booking id → event, kept while the feed is on.
// Built once when the coach turns the feed on, then changed one booking at a
// time by a trigger, so a calendar app's poll reads two documents instead of
// every session of three months and every client in them.
import { Timestamp } from "firebase-admin/firestore";
import { DateTime } from "luxon";
import { Coach } from "../../domain/coach.js";
import { db } from "../firebase.js";
import { CalendarFeed, FeedEvent, bookingsCol, calendarFeedRef, coachRef } from "../firestore/refs.js";
import { bookingEvents } from "./calendar.js";

/** The feed shows sessions from a week ago to 90 days ahead; events that ended before the week are dropped. */
export const FEED_PAST_DAYS = 7;
export const FEED_AHEAD_DAYS = 90;

const asFeedEvent = ({ start, end, summary, location, description, status }: FeedEvent): FeedEvent => ({ start, end, summary, location, description, status });

/** Writes the coach's feed from their bookings of the last week on (once, when the feed is turned on). */
export async function buildFeed(coachId: string, coach: Coach, now: DateTime): Promise<void> {
  const bookings = await bookingsCol(coachId)
    .where("startsAt", ">=", Timestamp.fromMillis(now.minus({ days: FEED_PAST_DAYS }).toMillis()))
    .get();
  const shown = bookings.docs.map((doc) => ({ id: doc.id, data: doc.data() })).filter(({ data }) => data.status === "confirmed" || data.status === "requested");
  const events = await bookingEvents(coachId, coach, shown, true, now);
  await calendarFeedRef(coachId).set({ events: Object.fromEntries(shown.map(({ id }, i) => [id, asFeedEvent(events[i]!)])) });
}

/**
 * Brings one booking's event in the coach's feed up to date (trigger of every
 * booking write): read in a transaction with the booking as it stands, so
 * triggers that run late or out of order all leave the latest state. A
 * session no longer confirmed or requested leaves the feed; events ended more
 * than a week ago are dropped. Nothing happens while the feed is off.
 */
export async function updateFeed(coachId: string, bookingId: string, now: DateTime): Promise<void> {
  const coach = (await coachRef(coachId).get()).data();
  if (!coach?.calendarFeed) return;
  const ref = calendarFeedRef(coachId);
  await db().runTransaction(async (tx) => {
    const [feed, booking] = await Promise.all([tx.get(ref).then((doc) => doc.data()), tx.get(bookingsCol(coachId).doc(bookingId)).then((doc) => doc.data())]);
    if (!feed) return;
    const shown = booking && (booking.status === "confirmed" || booking.status === "requested");
    const [event] = shown ? await bookingEvents(coachId, coach, [{ id: bookingId, data: booking }], true, now) : [];
    const cutoff = now.minus({ days: FEED_PAST_DAYS });
    const events: CalendarFeed["events"] = Object.fromEntries(Object.entries(feed.events).filter(([id, kept]) => id !== bookingId && kept.end >= cutoff));
    if (event) events[bookingId] = asFeedEvent(event);
    tx.set(ref, { events });
  });
}
