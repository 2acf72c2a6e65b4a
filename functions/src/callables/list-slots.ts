import { Timestamp } from "firebase-admin/firestore";
import { DateTime } from "luxon";
import { ListSlotsInput, ListSlotsResult } from "../domain/api.js";
import { claimOf } from "../domain/booking.js";
import { fail, ok } from "../domain/result.js";
import { freeSlots } from "../domain/slots.js";
import { onPublicCall } from "../shell/callable.js";
import { bookingsCol, coachRef, offeringsCol } from "../shell/refs.js";

/** Longest claim a booking can hold (12 h session + 4 h buffer): how far back to look. */
const LONGEST_CLAIM_HOURS = 16;

/** Free slots of one offering for the coach's public page (no sign-in). */
export const listSlots = onPublicCall(ListSlotsInput, async (input, { now }) => {
  const [coachSnap, offeringSnap] = await Promise.all([coachRef(input.coachId).get(), offeringsCol(input.coachId).doc(input.offeringId).get()]);
  const coach = coachSnap.data();
  if (!coach) return fail({ code: "COACH_NOT_FOUND" as const });
  const offering = offeringSnap.data();
  if (!offering || !offering.bookableOnline) return fail({ code: "OFFERING_NOT_FOUND" as const });

  const from = DateTime.fromISO(input.from, { zone: "utc" });
  const to = from.plus({ days: input.days });
  const bookings = await bookingsCol(input.coachId)
    .where("startsAt", ">=", Timestamp.fromMillis(from.minus({ hours: LONGEST_CLAIM_HOURS }).toMillis()))
    .where("startsAt", "<", Timestamp.fromMillis(to.toMillis()))
    .get();
  const busy = bookings.docs.map((doc) => doc.data()).filter((b) => b.status !== "cancelled").map(claimOf);

  const slots = freeSlots({
    timeZone: coach.timeZone,
    weeklyHours: coach.weeklyHours,
    rules: coach.bookingRules,
    durationMinutes: offering.durationMinutes,
    from,
    to,
    now,
    busy,
  });
  const result: ListSlotsResult = {
    timeZone: coach.timeZone,
    slots: slots.map((slot) => ({ start: slot.start.toISO() ?? "", end: slot.end.toISO() ?? "" })),
  };
  return ok(result);
});
