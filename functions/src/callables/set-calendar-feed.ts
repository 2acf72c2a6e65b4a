import { randomBytes } from "node:crypto";
import { CalendarFeedResult, coachCalls } from "../api/coach.js";
import { DomainError } from "../domain/errors.js";
import { Result, ok } from "../domain/result.js";
import { loadOwnCoach } from "../shell/calls/access.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { functionsOrigin, tokenHash } from "../shell/booking/calendar.js";
import { db } from "../shell/firebase.js";
import { calendarFeedRef, coachRef } from "../shell/firestore/refs.js";
import { buildFeed } from "../shell/booking/calendar-feed.js";
import { Coach } from "../domain/coach.js";

/**
 * The coach's private calendar feed: enabling makes a new secret URL (any
 * older URL stops working); disabling revokes it. Only a hash of the token
 * is stored, so the URL is shown once. Turned on, the feed's read model is
 * built; turned off, it is deleted.
 */
export const setCalendarFeed = onSignedInCall(coachCalls.setCalendarFeed, async (input, { uid, now }) => {
  const set = await db().runTransaction(async (tx): Promise<Result<{ url: string | null; coach: Coach }, DomainError>> => {
    const coach = await loadOwnCoach(tx, input.coachId, uid);
    if (!coach.ok) return coach;
    if (!input.enabled) {
      tx.set(coachRef(input.coachId), { ...coach.value, calendarFeed: null });
      tx.delete(calendarFeedRef(input.coachId));
      return ok({ url: null, coach: coach.value });
    }
    const token = randomBytes(24).toString("base64url");
    tx.set(coachRef(input.coachId), { ...coach.value, calendarFeed: { tokenHash: tokenHash(token) } });
    return ok({ url: `${functionsOrigin()}/calendarFeed?coach=${encodeURIComponent(input.coachId)}&token=${token}`, coach: coach.value });
  });
  if (!set.ok) return set;
  // The feed's read model, built from the sessions of the last week on; bookings change it one at a time from now.
  if (set.value.url) await buildFeed(input.coachId, set.value.coach, now);
  return ok<CalendarFeedResult>({ url: set.value.url });
});
