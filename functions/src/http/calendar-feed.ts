import { timingSafeEqual } from "node:crypto";
import { Timestamp } from "firebase-admin/firestore";
import { onRequest } from "firebase-functions/v2/https";
import { DateTime } from "luxon";
import { icsCalendar } from "../domain/ics.js";
import { DocId } from "../domain/ids.js";
import { bookingEvents, tokenHash } from "../shell/booking/calendar.js";
import { guarded } from "../shell/calls/http-errors.js";
import { bookingsCol, coachRef } from "../shell/firestore/refs.js";

/** The coach's sessions from a week ago to 90 days ahead, as an iCalendar feed behind a secret token. */
export const calendarFeed = onRequest(
  guarded("calendarFeed", async (req, res) => {
    const coachId = typeof req.query.coach === "string" ? req.query.coach : "";
    const token = typeof req.query.token === "string" ? req.query.token : "";
    const coach = DocId.safeParse(coachId).success ? (await coachRef(coachId).get()).data() : undefined;
    const expected = coach?.calendarFeed?.tokenHash;
    const given = tokenHash(token);
    if (!coach || !expected || !token || !timingSafeEqual(Buffer.from(expected), Buffer.from(given))) {
      res.status(404).type("text/plain").send("Not found");
      return;
    }
    const now = DateTime.utc();
    const bookings = await bookingsCol(coachId)
      .where("startsAt", ">=", Timestamp.fromMillis(now.minus({ days: 7 }).toMillis()))
      .where("startsAt", "<=", Timestamp.fromMillis(now.plus({ days: 90 }).toMillis()))
      .get();
    const upcoming = bookings.docs
      .map((doc) => ({ id: doc.id, data: doc.data() }))
      .filter(({ data }) => data.status === "confirmed" || data.status === "requested");
    const events = await bookingEvents(coachId, coach, upcoming, true, now);
    res
      .set("content-type", "text/calendar; charset=utf-8")
      .set("cache-control", "private, max-age=300")
      .send(icsCalendar(`${coach.name} · SoloCoach`, events));
  }),
);
