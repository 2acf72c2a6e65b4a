import { DateTime } from "luxon";
import { ListSlotsInput, ListSlotsResult } from "../../api/booking.js";
import { availabilityOf, rulesFor } from "../../domain/coach.js";
import { DomainError } from "../../domain/errors.js";
import { Result, fail, ok } from "../../domain/result.js";
import { freeSlots } from "../../domain/slots.js";
import { iso } from "../../domain/time.js";
import { loadBusy } from "./busy.js";
import { coachRef, offeringsCol } from "../firestore/refs.js";

/**
 * Free slots of one offering: 2 reads (coach, offering) plus one per ISO
 * week the range touches (3–4 for 14 days), whatever the number of bookings.
 */
export async function loadFreeSlots(input: ListSlotsInput, now: DateTime): Promise<Result<ListSlotsResult & { reads: number }, DomainError>> {
  const [coachSnap, offeringSnap] = await Promise.all([coachRef(input.coachId).get(), offeringsCol(input.coachId).doc(input.offeringId).get()]);
  const coach = coachSnap.data();
  if (!coach) return fail({ code: "COACH_NOT_FOUND" });
  const offering = offeringSnap.data();
  if (!offering || !offering.bookableOnline) return fail({ code: "OFFERING_NOT_FOUND" });

  const from = DateTime.fromISO(input.from, { zone: "utc" });
  const to = from.plus({ days: input.days });
  const { busy, reads } = await loadBusy(input.coachId, coach.timeZone, from, to);
  const slots = freeSlots({
    timeZone: coach.timeZone,
    availability: availabilityOf(coach),
    rules: rulesFor(coach, offering),
    durationMinutes: offering.durationMinutes,
    from,
    to,
    now,
    busy,
  });
  return ok({
    timeZone: coach.timeZone,
    slots: slots.map((slot) => {
      const local = slot.start.setZone(coach.timeZone);
      return { start: iso(slot.start), end: iso(slot.end), localDate: local.toISODate() ?? "", localTime: local.toFormat("HH:mm") };
    }),
    reads: reads + 2,
  });
}
