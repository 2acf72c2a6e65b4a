import { timingSafeEqual } from "node:crypto";
import { onRequest } from "firebase-functions/v2/https";
import { DateTime } from "luxon";
import { icsCalendar } from "../domain/ics.js";
import { DocId } from "../domain/ids.js";
import { tokenHash } from "../shell/booking/calendar.js";
import { FEED_AHEAD_DAYS, FEED_PAST_DAYS, buildFeed } from "../shell/booking/calendar-feed.js";
import { guarded } from "../shell/calls/http-errors.js";
import { calendarFeedRef, coachRef } from "../shell/firestore/refs.js";

/**
 * The coach's sessions from a week ago to 90 days ahead, as an iCalendar feed
 * behind a secret token, from the feed's read model (shell/booking/calendar-feed.ts):
 * a poll reads the coach and that one document, and an unchanged feed is
 * answered 304 to a calendar app that sends its ETag back.
 */
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
    let feed = await calendarFeedRef(coachId).get();
    if (!feed.exists) {
      // A feed turned on before the read model existed: built once, here.
      await buildFeed(coachId, coach, now);
      feed = await calendarFeedRef(coachId).get();
    }
    const changed = DateTime.fromMillis(feed.updateTime?.toMillis() ?? 0, { zone: "utc" });
    // The window moves with the day: the tag changes with the feed and with the date.
    const etag = `"${changed.toMillis()}-${now.toISODate()}"`;
    res.set("etag", etag).set("cache-control", "private, max-age=300");
    if (req.get("if-none-match") === etag) {
      res.status(304).end();
      return;
    }
    const from = now.minus({ days: FEED_PAST_DAYS });
    const to = now.plus({ days: FEED_AHEAD_DAYS });
    const events = Object.entries(feed.data()?.events ?? {})
      .filter(([, event]) => event.start >= from && event.start <= to)
      .sort(([a, x], [b, y]) => x.start.toMillis() - y.start.toMillis() || a.localeCompare(b))
      .map(([id, event]) => ({ uid: `${id}@solocoach`, ...event, stamp: changed }));
    res.set("content-type", "text/calendar; charset=utf-8").send(icsCalendar(`${coach.name} · SoloCoach`, events));
  }),
);
