// Slots and bookings: finding a free slot, booking it, moving, cancelling and resolving it.

import * as z from "zod";
import { BookingStatus, CancellationOutcome } from "../domain/booking.js";
import { TimeZone } from "../domain/coach.js";
import { DocId } from "../domain/ids.js";
import { IsoInstant } from "../domain/time.js";
import { BookingRefInput, RequestId } from "./common.js";
import { PackView } from "./packs.js";
import type { Calls } from "./contract.js";

/** listSlots: free slots of one offering, starting in [from, from + days). */
export const ListSlotsInput = z.object({
  coachId: DocId,
  offeringId: DocId,
  from: IsoInstant,
  days: z.number().int().min(1).max(14).default(14),
});
export type ListSlotsInput = z.infer<typeof ListSlotsInput>;

/** One free slot: UTC instants, and the date and time on the coach's wall clock. */
export const SlotView = z.object({ start: IsoInstant, end: IsoInstant, localDate: z.string(), localTime: z.string() });
export type SlotView = z.infer<typeof SlotView>;

/** listSlots result. */
export const ListSlotsResult = z.object({ timeZone: z.string(), slots: z.array(SlotView) });
export type ListSlotsResult = z.infer<typeof ListSlotsResult>;

/** How the coach can reach the client: kept on the client's record with the coach. */
export const Contact = z.object({
  name: z.string().trim().min(1).max(100),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[+0-9 ()/.-]*$/, "digits, spaces and + ( ) / . - only")
    .default(""),
  /** The language and zone of the page the client booked on: their e-mails speak and show times in them. */
  language: z.enum(["en", "de"]).optional(),
  timeZone: TimeZone.optional(),
});
export type Contact = z.infer<typeof Contact>;

/** The client's note to the coach, kept with the booking. */
export const BookingNote = z.string().trim().max(500).default("");

/** bookSlot: book a slot with a pack unit or to pay on site; requestId makes retries safe. */
export const BookSlotInput = z.object({
  requestId: z.uuid(),
  coachId: DocId,
  offeringId: DocId,
  start: IsoInstant,
  payWith: z.enum(["pack", "on_site"]),
  contact: Contact.optional(),
  note: BookingNote,
});
export type BookSlotInput = z.infer<typeof BookSlotInput>;

/**
 * bookForClient (coach): the coach books for one of their clients (a request
 * by phone or chat), any session type; `anyTime` books outside the coach's
 * hours. requestId makes retries safe.
 */
export const BookForClientInput = z.object({
  requestId: z.uuid(),
  coachId: DocId,
  clientUid: DocId,
  offeringId: DocId,
  start: IsoInstant,
  /** "link": the price stays open and the answer carries an online checkout link for the client (the coach's Stripe account). */
  payWith: z.enum(["pack", "on_site", "link"]),
  anyTime: z.boolean().default(false),
  note: BookingNote,
});
export type BookForClientInput = z.infer<typeof BookForClientInput>;

/** bookSlot result: the booking and the pack balance after it. */
export const BookSlotResult = z.object({
  bookingId: z.string(),
  status: z.enum(["requested", "confirmed"]),
  start: IsoInstant,
  end: IsoInstant,
  /** The pack after the unit was spent; null while a request waits for the coach. */
  pack: PackView.nullable(),
});
export type BookSlotResult = z.infer<typeof BookSlotResult>;

/** bookForClient result: the booking, and the checkout link to send the client when paid by link (else null). */
export const BookForClientResult = BookSlotResult.extend({ paymentLink: z.url().nullable() });
export type BookForClientResult = z.infer<typeof BookForClientResult>;

/**
 * cancelBooking: a booking, and optionally the outcome its preview showed; if
 * time has moved the booking across the window since, nothing is cancelled
 * (OUTCOME_CHANGED), so nobody gets a different outcome than they saw.
 */
export const CancelBookingInput = BookingRefInput.extend({ expectedOutcome: z.string().max(40).optional() });
export type CancelBookingInput = z.infer<typeof CancelBookingInput>;

/** waiveCharge (coach): waive a late cancellation or a no-show with a policy reason. */
export const WaiveChargeInput = BookingRefInput.extend({ reasonId: z.string().min(1).max(40) });
export type WaiveChargeInput = z.infer<typeof WaiveChargeInput>;

/** What a cancellation, no-show or waiver does (preview) or did. */
export const ResolutionResult = z.object({
  bookingId: z.string(),
  status: BookingStatus,
  outcome: CancellationOutcome,
  delta: z.number().int(),
  sentence: z.string(),
  /** Until when a client's cancellation is credited; null once past or for coaches. */
  freeCancellationUntil: IsoInstant.nullable(),
  pack: PackView.nullable(),
});
export type ResolutionResult = z.infer<typeof ResolutionResult>;

/** rescheduleBooking (client or coach): move a booking; requestId makes retries safe. */
export const RescheduleInput = z.object({ requestId: RequestId, coachId: DocId, bookingId: DocId, newStart: IsoInstant });
export type RescheduleInput = z.infer<typeof RescheduleInput>;

/**
 * bookSeries: the same slot every week, each occurrence its own booking (and
 * unit, or price open on site). Without `clientUid` the caller books for
 * themselves; with it, the coach books for that client (confirmed at once,
 * `anyTime` outside their hours too).
 */
export const BookSeriesInput = z.object({
  requestId: RequestId,
  coachId: DocId,
  offeringId: DocId,
  firstStart: IsoInstant,
  weeks: z.number().int().min(2).max(12),
  payWith: z.enum(["pack", "on_site"]),
  clientUid: DocId.optional(),
  anyTime: z.boolean().default(false),
  /** The client's own series: how the coach can reach them, as with bookSlot. */
  contact: Contact.optional(),
  note: BookingNote,
});
export type BookSeriesInput = z.infer<typeof BookSeriesInput>;

/** An occurrence a series skips because it is not offered or not free: said, never dropped. */
export const SkippedOccurrence = z.object({ start: IsoInstant, reason: z.enum(["SLOT_NOT_OFFERED", "SLOT_TAKEN"]) });

/** bookSeries result: what was booked and what was not free (never silently dropped). */
export const BookSeriesResult = z.object({
  seriesId: z.string(),
  booked: z.array(z.object({ bookingId: z.string(), start: IsoInstant, status: BookingStatus })),
  skipped: z.array(SkippedOccurrence),
  packs: z.array(PackView),
});
export type BookSeriesResult = z.infer<typeof BookSeriesResult>;

/** previewSeries: what bookSeries would book now, nothing written. */
export const PreviewSeriesInput = BookSeriesInput.omit({ requestId: true, contact: true });
export type PreviewSeriesInput = z.infer<typeof PreviewSeriesInput>;

/** previewSeries result: the occurrences that would be booked (requested or confirmed) and those skipped, with why. */
export const PreviewSeriesResult = z.object({
  status: z.enum(["requested", "confirmed"]),
  bookable: z.array(IsoInstant),
  skipped: z.array(SkippedOccurrence),
});
export type PreviewSeriesResult = z.infer<typeof PreviewSeriesResult>;

/**
 * cancelSeries (client or coach): this occurrence and every later one of its
 * series, each by the policy; optionally the outcome its preview showed for
 * each: if any changed since, nothing is cancelled (OUTCOME_CHANGED).
 */
export const CancelSeriesInput = BookingRefInput.extend({
  expectedOutcomes: z
    .array(z.object({ bookingId: DocId, outcome: z.string().max(40) }))
    .max(12)
    .optional(),
});
export type CancelSeriesInput = z.infer<typeof CancelSeriesInput>;

/** What cancelling the rest of a series does (preview) or did, occurrence by occurrence. */
export const SeriesCancellationResult = z.object({ cancellations: z.array(ResolutionResult) });
export type SeriesCancellationResult = z.infer<typeof SeriesCancellationResult>;

/** completeBooking (coach): a confirmed session whose start has passed took place. */
export const CompleteBookingResult = z.object({ bookingId: z.string(), status: z.literal("completed"), start: IsoInstant, end: IsoInstant });
export type CompleteBookingResult = z.infer<typeof CompleteBookingResult>;

/** bookingCalendar (client or coach): one booking as an .ics file. */
export const CalendarFileResult = z.object({ filename: z.string(), ics: z.string() });
export type CalendarFileResult = z.infer<typeof CalendarFileResult>;

/** The callables of this area: each name with its input and result. */
export const bookingCalls = {
  listSlots: { input: ListSlotsInput, result: ListSlotsResult },
  bookSlot: { input: BookSlotInput, result: BookSlotResult },
  bookForClient: { input: BookForClientInput, result: BookForClientResult },
  bookSeries: { input: BookSeriesInput, result: BookSeriesResult },
  previewSeries: { input: PreviewSeriesInput, result: PreviewSeriesResult },
  previewSeriesCancellation: { input: BookingRefInput, result: SeriesCancellationResult },
  cancelSeries: { input: CancelSeriesInput, result: SeriesCancellationResult },
  confirmBooking: { input: BookingRefInput, result: BookSlotResult },
  rescheduleBooking: { input: RescheduleInput, result: BookSlotResult },
  previewCancellation: { input: BookingRefInput, result: ResolutionResult },
  cancelBooking: { input: CancelBookingInput, result: ResolutionResult },
  markNoShow: { input: BookingRefInput, result: ResolutionResult },
  waiveCharge: { input: WaiveChargeInput, result: ResolutionResult },
  completeBooking: { input: BookingRefInput, result: CompleteBookingResult },
  bookingCalendar: { input: BookingRefInput, result: CalendarFileResult },
} satisfies Calls;
