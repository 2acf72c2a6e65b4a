import { PreviewSeriesResult, bookingCalls } from "../api/booking.js";
import { DomainError } from "../domain/errors.js";
import { Result, ok } from "../domain/result.js";
import { iso } from "../domain/time.js";
import { loadSeriesSetting, planSeries, seriesPacks, seriesParties } from "../shell/booking/series.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { db } from "../shell/firebase.js";

/**
 * "Which of these weeks can I have?": the same reads and decision bookSeries
 * makes, nothing written: the occurrences it would book and those it would
 * skip with why, or the refusal it would give (too few units, with the counts).
 */
export const previewSeries = onSignedInCall(bookingCalls.previewSeries, async (input, { uid, now }) => {
  const parties = seriesParties(input, uid);
  const candidates = await seriesPacks(input, parties);
  return db().runTransaction(
    async (tx): Promise<Result<PreviewSeriesResult, DomainError>> => {
      const setting = await loadSeriesSetting(tx, input, parties);
      if (!setting.ok) return setting;
      const planned = await planSeries(tx, input, parties, setting.value, candidates, "preview", now);
      if (!planned.ok) return planned;
      const { bookings, skipped } = planned.value;
      return ok({
        status: bookings.some(({ data }) => data.status === "requested") ? "requested" : "confirmed",
        bookable: bookings.map(({ data }) => iso(data.startsAt)),
        skipped: skipped.map(({ start, reason }) => ({ start: iso(start), reason })),
      });
    },
    { readOnly: true },
  );
});
