import { randomBytes } from "node:crypto";
import { CalendarFeedResult, coachCalls } from "../api/coach.js";
import { DomainError } from "../domain/errors.js";
import { Result, ok } from "../domain/result.js";
import { loadOwnCoach } from "../shell/calls/access.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { functionsOrigin, tokenHash } from "../shell/booking/calendar.js";
import { db } from "../shell/firebase.js";
import { coachRef } from "../shell/firestore/refs.js";

/**
 * The coach's private calendar feed: enabling makes a new secret URL (any
 * older URL stops working); disabling revokes it. Only a hash of the token
 * is stored, so the URL is shown once.
 */
export const setCalendarFeed = onSignedInCall(coachCalls.setCalendarFeed, (input, { uid }) =>
  db().runTransaction(async (tx): Promise<Result<CalendarFeedResult, DomainError>> => {
    const coach = await loadOwnCoach(tx, input.coachId, uid);
    if (!coach.ok) return coach;
    if (!input.enabled) {
      tx.set(coachRef(input.coachId), { ...coach.value, calendarFeed: null });
      return ok({ url: null });
    }
    const token = randomBytes(24).toString("base64url");
    tx.set(coachRef(input.coachId), { ...coach.value, calendarFeed: { tokenHash: tokenHash(token) } });
    return ok({ url: `${functionsOrigin()}/calendarFeed?coach=${encodeURIComponent(input.coachId)}&token=${token}` });
  }),
);
