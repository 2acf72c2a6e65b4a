import { z } from "zod";
import { BookingResolution, BookingStatus, CancellationOutcome } from "./booking.js";
import { BookingRules, CancellationPolicy, DateOverride, Offering, PackTemplate, Profile, TimeOff, WeeklyHours } from "./coach.js";
import { NotificationSettings } from "./notifications.js";
import { CoachSetup, Slug } from "./onboarding.js";
import { LedgerReason, Pack } from "./packs.js";
import { PaymentMethod, PaymentRecord, PaymentState, PaymentTarget } from "./payments.js";
import { ErasureReport } from "./privacy.js";
import { IsoInstant } from "./time.js";

/**
 * The callables' input and result shapes: the public interface shared by the
 * functions, the site and the tests (documented in docs/api.md).
 */

import { DocId } from "./ids.js";

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
});
export type Contact = z.infer<typeof Contact>;

/** The client's note to the coach, kept with the booking. */
const BookingNote = z.string().trim().max(500).default("");

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

/** bookSlot result: the booking and the pack balance after it. */
export const BookSlotResult = z.object({
  bookingId: z.string(),
  status: z.enum(["requested", "confirmed"]),
  start: IsoInstant,
  end: IsoInstant,
  /** The pack after the unit was spent; null while a request waits for the coach. */
  pack: z.lazy(() => PackView).nullable(),
});
export type BookSlotResult = z.infer<typeof BookSlotResult>;

/** getBalance: a client's packs with one coach and why each unit moved; the client or their coach. */
export const GetBalanceInput = z.object({ coachId: DocId, clientUid: DocId.optional() });
export type GetBalanceInput = z.infer<typeof GetBalanceInput>;

const RequestId = z.uuid();
const Note = z.string().trim().min(3, "say why in a few words").max(200);

/** A pack as coach and client see it. */
export const PackView = z.object({
  id: z.string(),
  clientUid: z.string(),
  name: z.string(),
  units: z.number().int(),
  remaining: z.number().int(),
  status: Pack.shape.status,
  expiresAt: IsoInstant,
  paymentState: PaymentState,
});
export type PackView = z.infer<typeof PackView>;

/** One ledger line as people read it. */
export const LedgerView = z.object({
  id: z.string(),
  delta: z.number().int(),
  reason: LedgerReason,
  sentence: z.string(),
  bookingId: z.string().nullable(),
  at: IsoInstant,
});
export type LedgerView = z.infer<typeof LedgerView>;

/** Result of every pack operation: the pack after it. */
export const PackResult = z.object({ pack: PackView });
export type PackResult = z.infer<typeof PackResult>;

/** sellPack (coach): a pack from a template for a client, by uid or by email. */
export const SellPackInput = z.object({
  requestId: RequestId,
  coachId: DocId,
  templateId: DocId,
  client: z.union([z.object({ uid: DocId }), z.object({ email: z.email().max(254), name: z.string().trim().min(1).max(100) })]),
});
export type SellPackInput = z.infer<typeof SellPackInput>;

/** transferUnits (coach): move units to another client, if the pack allows it. */
export const TransferUnitsInput = z.object({
  requestId: RequestId,
  coachId: DocId,
  packId: DocId,
  toClientUid: DocId,
  units: z.number().int().min(1).max(100),
});
export type TransferUnitsInput = z.infer<typeof TransferUnitsInput>;

/** voidPack (coach): refund/void the remaining units and close the pack. */
export const VoidPackInput = z.object({ requestId: RequestId, coachId: DocId, packId: DocId, note: Note.nullable().default(null) });
export type VoidPackInput = z.infer<typeof VoidPackInput>;

/** extendPack (coach): move the expiry N days later, e.g. frozen for an injury. */
export const ExtendPackInput = z.object({ requestId: RequestId, coachId: DocId, packId: DocId, days: z.number().int().min(1).max(365), note: Note });
export type ExtendPackInput = z.infer<typeof ExtendPackInput>;

/** adjustPack (coach): a manual correction of units with a required note. */
export const AdjustPackInput = z.object({
  requestId: RequestId,
  coachId: DocId,
  packId: DocId,
  delta: z
    .number()
    .int()
    .min(-100)
    .max(100)
    .refine((d) => d !== 0, "must not be 0"),
  note: Note,
});
export type AdjustPackInput = z.infer<typeof AdjustPackInput>;

/** A booking, addressed by its coach. */
export const BookingRefInput = z.object({ coachId: DocId, bookingId: DocId });
export type BookingRefInput = z.infer<typeof BookingRefInput>;

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

/** getBalance result: active units in total, and every pack with its ledger, newest first. */
export const GetBalanceResult = z.object({
  clientUid: z.string(),
  remaining: z.number().int(),
  packs: z.array(PackView.extend({ ledger: z.array(LedgerView) })),
});
export type GetBalanceResult = z.infer<typeof GetBalanceResult>;

/** savePackTemplate (coach): create or replace a pack template; priced in the coach's currency. */
export const SavePackTemplateInput = z.object({ coachId: DocId, templateId: DocId, template: PackTemplate });
export type SavePackTemplateInput = z.infer<typeof SavePackTemplateInput>;

/** setCancellationPolicy (coach): window, late-cancel rule and waiver reasons. */
export const SetCancellationPolicyInput = z.object({ coachId: DocId, policy: CancellationPolicy });
export type SetCancellationPolicyInput = z.infer<typeof SetCancellationPolicyInput>;

/** Result of a settings change. */
export const SavedResult = z.object({ saved: z.literal(true) });
export type SavedResult = z.infer<typeof SavedResult>;

/** rescheduleBooking (client or coach): move a booking; requestId makes retries safe. */
export const RescheduleInput = z.object({ requestId: RequestId, coachId: DocId, bookingId: DocId, newStart: IsoInstant });
export type RescheduleInput = z.infer<typeof RescheduleInput>;

/** bookSeries (client): the same slot every week, each occurrence its own booking and unit. */
export const BookSeriesInput = z.object({
  requestId: RequestId,
  coachId: DocId,
  offeringId: DocId,
  firstStart: IsoInstant,
  weeks: z.number().int().min(2).max(12),
  payWith: z.literal("pack"),
});
export type BookSeriesInput = z.infer<typeof BookSeriesInput>;

/** bookSeries result: what was booked and what was not free (never silently dropped). */
export const BookSeriesResult = z.object({
  seriesId: z.string(),
  booked: z.array(z.object({ bookingId: z.string(), start: IsoInstant, status: BookingStatus })),
  skipped: z.array(z.object({ start: IsoInstant, reason: z.enum(["SLOT_NOT_OFFERED", "SLOT_TAKEN"]) })),
  packs: z.array(PackView),
});
export type BookSeriesResult = z.infer<typeof BookSeriesResult>;

/** setAvailability (coach): weekly hours, date overrides, time off and booking rules. */
export const SetAvailabilityInput = z.object({
  coachId: DocId,
  weeklyHours: WeeklyHours,
  dateOverrides: z.array(DateOverride).max(400).default([]),
  timeOff: z.array(TimeOff).max(200).default([]),
  bookingRules: BookingRules,
});
export type SetAvailabilityInput = z.infer<typeof SetAvailabilityInput>;

/** saveOffering (coach): create or replace a session type with its own duration, location and rules. */
export const SaveOfferingInput = z.object({ coachId: DocId, offeringId: DocId, offering: Offering });
export type SaveOfferingInput = z.infer<typeof SaveOfferingInput>;

/** recordPayment / recordRefund (coach): money received or given back on site. */
export const RecordMoneyInput = z.object({
  requestId: RequestId,
  coachId: DocId,
  target: PaymentTarget,
  method: PaymentMethod,
  amountMinor: z.number().int().positive().max(10_000_000),
  reference: z.string().trim().max(120).default(""),
});
export type RecordMoneyInput = z.infer<typeof RecordMoneyInput>;

/** A target's payment state after a movement. */
export const PaymentStateResult = z.object({
  target: PaymentTarget,
  amountDueMinor: z.number().int(),
  paidMinor: z.number().int(),
  refundedMinor: z.number().int(),
  currency: z.string(),
  state: PaymentState,
});
export type PaymentStateResult = z.infer<typeof PaymentStateResult>;

/** createCheckout (client): pay online for one session or a pack, through Stripe Checkout. */
export const CreateCheckoutInput = z.object({
  requestId: RequestId,
  coachId: DocId,
  item: z.discriminatedUnion("type", [
    z.object({ type: z.literal("booking"), offeringId: DocId, start: IsoInstant }),
    z.object({ type: z.literal("pack"), templateId: DocId }),
  ]),
  contact: Contact.optional(),
  note: BookingNote,
});
export type CreateCheckoutInput = z.infer<typeof CreateCheckoutInput>;

/** Where to send the client, and what the payment is for. */
export const CreateCheckoutResult = z.object({ checkoutUrl: z.string(), sessionId: z.string(), target: PaymentTarget });
export type CreateCheckoutResult = z.infer<typeof CreateCheckoutResult>;

/** getClientAccount (coach): a client's revenue and open amount, with every payment and refund. */
export const GetClientAccountInput = z.object({ coachId: DocId, clientUid: DocId });
export type GetClientAccountInput = z.infer<typeof GetClientAccountInput>;

/** The client's account with the coach, newest movements first. */
export const ClientAccountResult = z.object({
  clientUid: z.string(),
  currency: z.string(),
  revenueMinor: z.number().int(),
  openMinor: z.number().int(),
  movements: z.array(
    z.object({
      id: z.string(),
      target: PaymentTarget,
      kind: PaymentRecord.shape.kind,
      method: PaymentMethod,
      wallet: z.string().nullable(),
      amountMinor: z.number().int(),
      at: IsoInstant,
    }),
  ),
});
export type ClientAccountResult = z.infer<typeof ClientAccountResult>;

/** registerDevice / unregisterDevice (coach): an FCM token of one of the coach's devices. */
export const DeviceInput = z.object({ coachId: DocId, token: z.string().min(10).max(4096) });
export type DeviceInput = z.infer<typeof DeviceInput>;

/** bookingCalendar (client or coach): one booking as an .ics file. */
export const CalendarFileResult = z.object({ filename: z.string(), ics: z.string() });
export type CalendarFileResult = z.infer<typeof CalendarFileResult>;

/** setCalendarFeed (coach): a new secret feed URL (the old one stops working), or none. */
export const SetCalendarFeedInput = z.object({ coachId: DocId, enabled: z.boolean() });
export type SetCalendarFeedInput = z.infer<typeof SetCalendarFeedInput>;

/** The private feed URL, or null when turned off. */
export const CalendarFeedResult = z.object({ url: z.string().nullable() });
export type CalendarFeedResult = z.infer<typeof CalendarFeedResult>;

/** setNotificationSettings (coach): quiet hours, reminder lead times, open-payment delay, daily agenda. */
export const SetNotificationSettingsInput = z.object({ coachId: DocId, settings: NotificationSettings });
export type SetNotificationSettingsInput = z.infer<typeof SetNotificationSettingsInput>;

/** getClientPortal (client): everything the signed-in client has with every coach. */
export const GetClientPortalInput = z.object({});
export type GetClientPortalInput = z.infer<typeof GetClientPortalInput>;

/** One of the client's bookings as the portal shows it. */
export const PortalBooking = z.object({
  id: z.string(),
  offeringId: z.string(),
  title: z.string(),
  location: z.string(),
  start: IsoInstant,
  end: IsoInstant,
  status: BookingStatus,
  /** "pack": paid with a unit (packId null while requested); "single": priced on its own. */
  paidWith: z.enum(["pack", "single"]),
  payment: z.object({ amountDueMinor: z.number().int(), paidMinor: z.number().int(), refundedMinor: z.number().int(), state: PaymentState }).nullable(),
  resolution: z
    .object({ kind: BookingResolution.shape.kind, by: BookingResolution.shape.by, outcome: CancellationOutcome, delta: z.number().int() })
    .nullable(),
  note: z.string(),
  /** The client may still cancel (the preview says what it does). */
  canCancel: z.boolean(),
  /** The client may still move it (before the cancellation window). */
  canReschedule: z.boolean(),
});
export type PortalBooking = z.infer<typeof PortalBooking>;

/** The client's account with one coach. */
export const PortalCoach = z.object({
  coachId: z.string(),
  name: z.string(),
  slug: z.string(),
  timeZone: z.string(),
  currency: z.string(),
  locale: z.string(),
  windowHours: z.number().int(),
  upcoming: z.array(PortalBooking),
  past: z.array(PortalBooking),
  remaining: z.number().int(),
  packs: z.array(PackView.extend({ ledger: z.array(LedgerView) })),
  payments: z.array(
    z.object({
      id: z.string(),
      target: PaymentTarget,
      kind: PaymentRecord.shape.kind,
      method: PaymentMethod,
      wallet: z.string().nullable(),
      amountMinor: z.number().int(),
      at: IsoInstant,
    }),
  ),
  paidMinor: z.number().int(),
  openMinor: z.number().int(),
});
export type PortalCoach = z.infer<typeof PortalCoach>;

/** getClientPortal result: one entry per coach the client has booked or bought from. */
export const ClientPortalResult = z.object({ coaches: z.array(PortalCoach) });
export type ClientPortalResult = z.infer<typeof ClientPortalResult>;

// ——— Coach app (issue 8): sessions, clients, messages, reviews, privacy, profile ———

/** completeBooking (coach): a confirmed session whose start has passed took place. */
export const CompleteBookingResult = z.object({ bookingId: z.string(), status: z.literal("completed"), start: IsoInstant, end: IsoInstant });
export type CompleteBookingResult = z.infer<typeof CompleteBookingResult>;

/** A client's figures as coach screens show them, rolled forward to the time of the call (domain/clients.ts statsAt). */
export const ClientStatsView = z.object({
  sessionsCompleted: z.number().int(),
  noShows: z.number().int(),
  lateCancellations: z.number().int(),
  revenueMinor: z.number().int(),
  openMinor: z.number().int(),
  packBalance: z.number().int(),
  lastSessionAt: IsoInstant.nullable(),
  nextSession: z.object({ bookingId: z.string(), start: IsoInstant, status: z.enum(["requested", "confirmed"]) }).nullable(),
  /** When the read model was computed; null until the first booking, payment or pack of the client. */
  asOf: IsoInstant.nullable(),
});
export type ClientStatsView = z.infer<typeof ClientStatsView>;

/** A client in the coach's list. */
export const ClientSummary = z.object({ uid: z.string(), name: z.string(), email: z.string(), phone: z.string(), stats: ClientStatsView });
export type ClientSummary = z.infer<typeof ClientSummary>;

/** listClients (coach): every client, optionally those whose name, email or phone contains `query`. */
export const ListClientsInput = z.object({ coachId: DocId, query: z.string().trim().max(100).default("") });
export type ListClientsInput = z.infer<typeof ListClientsInput>;
/** What a caller sends to listClients (`query` may be left out). */
export type ListClientsRequest = z.input<typeof ListClientsInput>;

/** listClients result, sorted by name; money in `currency`. */
export const ListClientsResult = z.object({ currency: z.string(), clients: z.array(ClientSummary) });
export type ListClientsResult = z.infer<typeof ListClientsResult>;

/** A client, addressed by their coach. */
export const ClientRefInput = z.object({ coachId: DocId, clientUid: DocId });
export type ClientRefInput = z.infer<typeof ClientRefInput>;

/** One line of a client's timeline: a session, a payment or refund, or a change of pack units. */
export const TimelineEntryView = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("booking"),
    id: z.string(),
    /** The session's start. */
    at: IsoInstant,
    status: BookingStatus,
    offeringId: z.string(),
    offeringTitle: z.string(),
    locationName: z.string(),
    start: IsoInstant,
    end: IsoInstant,
    payment: z.object({
      method: z.enum(["pack", "single"]),
      packId: z.string().nullable(),
      state: PaymentState.nullable(),
      amountDueMinor: z.number().int().nullable(),
      paidMinor: z.number().int().nullable(),
    }),
    /** What a cancellation, no-show or waiver did, as the ledger says it; null otherwise. */
    sentence: z.string().nullable(),
    /** The same without the leading delta ("credited back 1 unit…"), for screens that show the delta apart. */
    words: z.string().nullable(),
    /** What the client wrote when booking. */
    note: z.string(),
  }),
  z.object({
    type: z.literal("payment"),
    id: z.string(),
    at: IsoInstant,
    kind: z.enum(["payment", "refund"]),
    method: PaymentMethod,
    wallet: z.string().nullable(),
    amountMinor: z.number().int(),
    currency: z.string(),
    target: PaymentTarget,
    reference: z.string(),
  }),
  z.object({
    type: z.literal("ledger"),
    /** "{packId}/{entryId}" */
    id: z.string(),
    at: IsoInstant,
    packId: z.string(),
    packName: z.string(),
    delta: z.number().int(),
    reason: LedgerReason,
    sentence: z.string(),
    /** The sentence without its leading delta (the delta is the field above). */
    words: z.string(),
    bookingId: z.string().nullable(),
  }),
]);
export type TimelineEntryView = z.infer<typeof TimelineEntryView>;

/** getClientDetail result: the record with private notes, the figures, and one timeline, newest first. */
export const ClientDetailResult = z.object({
  client: z.object({ uid: z.string(), name: z.string(), email: z.string(), phone: z.string(), notes: z.string() }),
  currency: z.string(),
  stats: ClientStatsView,
  timeline: z.array(TimelineEntryView),
});
export type ClientDetailResult = z.infer<typeof ClientDetailResult>;

/** saveClientNotes (coach): replaces the private notes on a client (only the coach ever reads them). */
export const SaveClientNotesInput = ClientRefInput.extend({ notes: z.string().max(10_000) });
export type SaveClientNotesInput = z.infer<typeof SaveClientNotesInput>;

/** sendMessage (coach or client): the coach names the client; a client writes into their own thread. requestId is the message id. */
export const SendMessageInput = z.object({ requestId: RequestId, coachId: DocId, clientUid: DocId.optional(), text: z.string().trim().min(1).max(2000) });
export type SendMessageInput = z.infer<typeof SendMessageInput>;

/** The message as stored: coaches/{coachId}/threads/{clientUid}/messages/{messageId}. */
export const SendMessageResult = z.object({ messageId: z.string(), clientUid: z.string(), from: z.enum(["coach", "client"]), at: IsoInstant });
export type SendMessageResult = z.infer<typeof SendMessageResult>;

/** submitReview (client): a rating of one of their completed sessions, words, and consent to publish. */
export const SubmitReviewInput = BookingRefInput.extend({
  rating: z.number().int().min(1).max(5),
  text: z.string().trim().max(2000).default(""),
  consent: z.boolean(),
});
export type SubmitReviewInput = z.infer<typeof SubmitReviewInput>;
/** What a caller sends to submitReview (`text` may be left out). */
export type SubmitReviewRequest = z.input<typeof SubmitReviewInput>;

/** publishReview (coach): put a consented review on the public page (true) or take it off (false). */
export const PublishReviewInput = BookingRefInput.extend({ published: z.boolean() });
export type PublishReviewInput = z.infer<typeof PublishReviewInput>;

/** replyToReview (coach): the coach's public answer, or null to remove it. */
export const ReplyToReviewInput = BookingRefInput.extend({ reply: z.string().trim().min(1).max(2000).nullable() });
export type ReplyToReviewInput = z.infer<typeof ReplyToReviewInput>;

/** A review as its coach and its client see it (coaches/{c}/reviews/{bookingId}). */
export const ReviewView = z.object({
  bookingId: z.string(),
  clientUid: z.string(),
  offeringId: z.string(),
  sessionAt: IsoInstant,
  requestedAt: IsoInstant.nullable(),
  /** null until the client wrote it. */
  submission: z.object({ rating: z.number().int(), text: z.string(), consent: z.boolean(), author: z.string(), at: IsoInstant }).nullable(),
  published: z.boolean(),
  publishedAt: IsoInstant.nullable(),
  reply: z.object({ text: z.string(), at: IsoInstant }).nullable(),
});
export type ReviewView = z.infer<typeof ReviewView>;

const JsonObject = z.record(z.string(), z.unknown());

/** exportClientData (coach): everything held about one client, as JSON (instants in ISO, UTC). */
export const ClientExportResult = z.object({
  format: z.literal("solocoach.client-export.v1"),
  exportedAt: IsoInstant,
  coach: z.object({ coachId: z.string(), name: z.string() }),
  client: JsonObject,
  bookings: z.array(JsonObject),
  packs: z.array(JsonObject),
  payments: z.array(JsonObject),
  messages: z.array(JsonObject),
  reviews: z.array(JsonObject),
});
export type ClientExportResult = z.infer<typeof ClientExportResult>;

/** deleteClient (coach): what was removed, what was kept (pseudonymised) and why, and until when. */
export const DeleteClientResult = ErasureReport;
export type DeleteClientResult = z.infer<typeof DeleteClientResult>;

/** saveProfile (coach): name, bio, discipline, photo, locations and language; the public page data follows. */
export const SaveProfileInput = z.object({ coachId: DocId, profile: Profile });
export type SaveProfileInput = z.infer<typeof SaveProfileInput>;
/** What a caller sends to saveProfile (bio and photoUrl may be left out). */
export type SaveProfileRequest = z.input<typeof SaveProfileInput>;

// ——— Sign-up (issue 21): a coach and their booking page ———

/** createCoach (any signed-in account without a coach): the wizard's answers; requestId names the coach. */
export const CreateCoachInput = z.object({ requestId: RequestId, setup: CoachSetup });
export type CreateCoachInput = z.infer<typeof CreateCoachInput>;
/** What a caller sends to createCoach (defaults may be left out). */
export type CreateCoachRequest = z.input<typeof CreateCoachInput>;

/** The new coach and their public address (the page is /{slug}). */
export const CreateCoachResult = z.object({ coachId: z.string(), slug: z.string() });
export type CreateCoachResult = z.infer<typeof CreateCoachResult>;

/** checkSlug (signed in): whether an address is free, as the coach types it. */
export const CheckSlugInput = z.object({ slug: Slug });
export type CheckSlugInput = z.infer<typeof CheckSlugInput>;

/** changeSlug (coach): the page moves to another address; the old one answers 301 and stays the coach's. */
export const ChangeSlugInput = z.object({ coachId: DocId, slug: Slug });
export type ChangeSlugInput = z.infer<typeof ChangeSlugInput>;

/** The page's address now. */
export const ChangeSlugResult = z.object({ slug: z.string() });
export type ChangeSlugResult = z.infer<typeof ChangeSlugResult>;

/** Free, or why not. */
export const CheckSlugResult = z.object({ slug: z.string(), available: z.boolean(), reason: z.enum(["SLUG_TAKEN", "SLUG_RESERVED"]).nullable() });
export type CheckSlugResult = z.infer<typeof CheckSlugResult>;
