import * as z from "zod";
import { Booking } from "../../domain/booking.js";
import { ClientRecord } from "../../domain/clients.js";
import { Coach, Offering, PackTemplate } from "../../domain/coach.js";
import { LedgerEntry, Pack } from "../../domain/packs.js";
import { OutboxEntry } from "../../domain/notifications.js";
import { Job } from "../../domain/jobs.js";
import { MailOutboxEntry } from "../../domain/client-mail-plan.js";
import { PaymentMethod, PaymentRecord, PaymentTarget } from "../../domain/payments.js";
import { InvoiceDocument } from "../../domain/invoices.js";
import { Instant } from "../../domain/time.js";
import { PublicCoach } from "../../domain/public-coach.js";
import { Message, Thread } from "../../domain/messages.js";
import { Erasure } from "../../domain/privacy.js";
import { Review } from "../../domain/reviews.js";
import { zodConverter } from "./converter.js";
import { db } from "../firebase.js";

/**
 * Where every document lives, and the shape of those that only the shell
 * reads (requests, busy weeks, claims, Stripe markers). Everything a coach
 * owns sits under coaches/{coachId}; the public page data sits in
 * publicCoaches/{slug}. The one exception is the emulators' devPushLog,
 * which the log transport (gateways/log-transport.ts) writes for tests.
 */
const coachConverter = zodConverter(Coach);
const offeringConverter = zodConverter(Offering);
const packTemplateConverter = zodConverter(PackTemplate);
const packConverter = zodConverter(Pack);
const ledgerConverter = zodConverter(LedgerEntry);
const bookingConverter = zodConverter(Booking);
const publicCoachConverter = zodConverter(PublicCoach);
/** A claim on one 5-minute cell of a coach's calendar (see domain/slots.ts), deleted by a TTL policy at expireAt. */
export const SlotClaim = z.object({ bookingId: z.string(), expireAt: Instant });
const claimConverter = zodConverter(SlotClaim);

const coachDoc = (coachId: string) => db().collection("coaches").doc(coachId);

/** coaches/{coachId} */
export const coachRef = (coachId: string) => coachDoc(coachId).withConverter(coachConverter);
/** coaches/{coachId}/offerings */
export const offeringsCol = (coachId: string) => coachDoc(coachId).collection("offerings").withConverter(offeringConverter);
/** coaches/{coachId}/packTemplates */
export const packTemplatesCol = (coachId: string) => coachDoc(coachId).collection("packTemplates").withConverter(packTemplateConverter);
/** coaches/{coachId}/packs */
export const packsCol = (coachId: string) => coachDoc(coachId).collection("packs").withConverter(packConverter);
/** Every coach's packs (collection group): the client portal finds a client's by uid. */
export const packsGroup = () => db().collectionGroup("packs").withConverter(packConverter);
/** coaches/{coachId}/packs/{packId}/ledger */
export const ledgerCol = (coachId: string, packId: string) =>
  coachDoc(coachId).collection("packs").doc(packId).collection("ledger").withConverter(ledgerConverter);
/** coaches/{coachId}/bookings */
export const bookingsCol = (coachId: string) => coachDoc(coachId).collection("bookings").withConverter(bookingConverter);
/** Every coach's bookings (the client portal finds a client's by uid). */
export const bookingsGroup = () => db().collectionGroup("bookings").withConverter(bookingConverter);
/** coaches/{coachId}/slotClaims/{cell} */
export const claimRef = (coachId: string, cell: string) => coachDoc(coachId).collection("slotClaims").doc(cell).withConverter(claimConverter);
/** coaches/{coachId}/clients */
export const clientsCol = (coachId: string) => coachDoc(coachId).collection("clients");
const outboxConverter = zodConverter(OutboxEntry);
/** A coach's device registered for push; the id is a hash of the token. */
export const Device = z.object({ token: z.string().min(1) });
const deviceConverter = zodConverter(Device);

/** coaches/{coachId}/outbox/{cause}: notifications waiting for delivery. */
export const outboxCol = (coachId: string) => coachDoc(coachId).collection("outbox").withConverter(outboxConverter);
/** Every coach's outbox (collection group), for the flush scheduler. */
export const outboxGroup = () => db().collectionGroup("outbox").withConverter(outboxConverter);
const mailOutboxConverter = zodConverter(MailOutboxEntry);
/** coaches/{coachId}/mailOutbox/{cause}: e-mails to clients waiting for delivery (and what became of them). */
export const mailOutboxCol = (coachId: string) => coachDoc(coachId).collection("mailOutbox").withConverter(mailOutboxConverter);
/** Every coach's mail outbox (collection group), for the flush scheduler. */
export const mailOutboxGroup = () => db().collectionGroup("mailOutbox").withConverter(mailOutboxConverter);
const jobConverter = zodConverter(Job);
/** coaches/{coachId}/jobs/{cause}: a cause's scheduled work and when it is next due (domain/jobs.ts). */
export const jobsCol = (coachId: string) => coachDoc(coachId).collection("jobs").withConverter(jobConverter);
/** Every coach's jobs (collection group), for the sweeper. */
export const jobsGroup = () => db().collectionGroup("jobs").withConverter(jobConverter);
/** coaches/{coachId}/devices/{sha256(token)} */
export const devicesCol = (coachId: string) => coachDoc(coachId).collection("devices").withConverter(deviceConverter);
/** publicCoaches/{slug} */
export const publicCoachesCol = () => db().collection("publicCoaches").withConverter(publicCoachConverter);

const clientRecordConverter = zodConverter(ClientRecord);
const reviewConverter = zodConverter(Review);
const threadConverter = zodConverter(Thread);
const messageConverter = zodConverter(Message);
const erasureConverter = zodConverter(Erasure);

/** coaches/{coachId}/clients/{uid}, parsed: contact, private notes and the stats read model. */
export const clientRecordRef = (coachId: string, clientUid: string) => clientsCol(coachId).doc(clientUid).withConverter(clientRecordConverter);
/** coaches/{coachId}/clients, parsed. */
export const clientRecordsCol = (coachId: string) => clientsCol(coachId).withConverter(clientRecordConverter);
/** coaches/{coachId}/reviews/{bookingId}: one review per session. */
export const reviewsCol = (coachId: string) => coachDoc(coachId).collection("reviews").withConverter(reviewConverter);
/** coaches/{coachId}/threads/{clientUid}: the conversation with one client (its last message). */
export const threadsCol = (coachId: string) => coachDoc(coachId).collection("threads").withConverter(threadConverter);
/** coaches/{coachId}/threads/{clientUid}/messages/{requestId} */
export const messagesCol = (coachId: string, clientUid: string) =>
  coachDoc(coachId).collection("threads").doc(clientUid).collection("messages").withConverter(messageConverter);
/** coaches/{coachId}/erasures/{clientUid}: clients whose personal data was erased, with the report. */
export const erasuresCol = (coachId: string) => coachDoc(coachId).collection("erasures").withConverter(erasureConverter);

/** slugs/{slug}: the coach holding a public address; created with the coach, read by no client. */
export const SlugClaim = z.object({ coachId: z.string().min(1) });
const slugConverter = zodConverter(SlugClaim);
/** slugs/{slug} */
export const slugRef = (slug: string) => db().collection("slugs").doc(slug).withConverter(slugConverter);

/** coachOwners/{uid}: the one coach an account owns, and the request that created it; read by no client. */
export const CoachOwner = z.object({ coachId: z.string().min(1), slug: z.string().min(1), requestId: z.string().min(1) });
const coachOwnerConverter = zodConverter(CoachOwner);
/** coachOwners/{uid} */
export const coachOwnerRef = (uid: string) => db().collection("coachOwners").doc(uid).withConverter(coachOwnerConverter);

const paymentConverter = zodConverter(PaymentRecord);
/** coaches/{coachId}/payments/{paymentId}: every payment and refund, append-only. */
export const paymentsCol = (coachId: string) => coachDoc(coachId).collection("payments").withConverter(paymentConverter);
/** Every coach's payment records (the client portal finds a client's by uid). */
export const paymentsGroup = () => db().collectionGroup("payments").withConverter(paymentConverter);

const documentConverter = zodConverter(InvoiceDocument);
/** coaches/{coachId}/invoices/{documentId}: invoices, receipts and credit notes as issued, never changed (read by no client: callables serve them). */
export const documentsCol = (coachId: string) => coachDoc(coachId).collection("invoices").withConverter(documentConverter);
/** coaches/{coachId}/invoiceCounters/{stem}: the last sequence number a number stem gave (read by no client). */
export const InvoiceCounter = z.object({ last: z.number().int().min(0) });
export const invoiceCounterRef = (coachId: string, stem: string) =>
  coachDoc(coachId).collection("invoiceCounters").doc(`stem:${stem}`).withConverter(zodConverter(InvoiceCounter));

/**
 * coaches/{coachId}/requests/{requestId}: what a requestId was first used for
 * (shell/firestore/requests.ts). Read by no client (the rules have no match for it).
 */
export const RequestMark = z.object({ kind: z.string(), targetId: z.string(), uid: z.string() });
export type RequestMark = z.infer<typeof RequestMark>;
const requestConverter = zodConverter(RequestMark);
/** coaches/{coachId}/requests/{requestId} */
export const requestRef = (coachId: string, requestId: string) => coachDoc(coachId).collection("requests").doc(requestId).withConverter(requestConverter);

/**
 * coaches/{coachId}/busyWeeks/{ISO week}: the read model behind listSlots,
 * booking id → claimed interval (shell/booking/busy.ts).
 */
export const BusyWeek = z.object({
  intervals: z.record(z.string(), z.object({ start: Instant, end: Instant })).default({}),
  /** When a TTL policy deletes the week: CLAIM_KEPT_DAYS after its last booking's time. */
  expireAt: Instant.optional(),
});
export type BusyWeek = z.infer<typeof BusyWeek>;
const busyConverter = zodConverter(BusyWeek);
/** coaches/{coachId}/busyWeeks/{key}, unparsed: bookings write it with blind merges and field deletes. */
export const busyWeekRef = (coachId: string, key: string) => coachDoc(coachId).collection("busyWeeks").doc(key);
/** coaches/{coachId}/busyWeeks/{key}, parsed for reading. */
export const busyWeekReadRef = (coachId: string, key: string) => busyWeekRef(coachId, key).withConverter(busyConverter);

/** coaches/{coachId}/clients/{uid}/statsEvents/{eventId}: a change already counted in the client's stats (kept a week, TTL). */
export const statsEventRef = (coachId: string, clientUid: string, eventId: string) => clientsCol(coachId).doc(clientUid).collection("statsEvents").doc(eventId);

/** One session in the coach's calendar feed, as the feed shows it (domain/ics.ts CalendarEvent without its stamp). */
export const FeedEvent = z.object({
  start: Instant,
  end: Instant,
  summary: z.string(),
  location: z.string(),
  description: z.string(),
  status: z.enum(["CONFIRMED", "TENTATIVE", "CANCELLED"]),
});
export type FeedEvent = z.infer<typeof FeedEvent>;
/** coaches/{coachId}/calendar/feed: the read model behind the calendar feed, booking id → event; exists while the feed is on. */
export const CalendarFeed = z.object({ events: z.record(z.string(), FeedEvent) });
export type CalendarFeed = z.infer<typeof CalendarFeed>;
export const calendarFeedRef = (coachId: string) => coachDoc(coachId).collection("calendar").doc("feed").withConverter(zodConverter(CalendarFeed));

/** stripePayments/{paymentIntentId}: where a paid intent belongs, for refunds that arrive later. */
export const StripePayment = z.object({
  coachId: z.string(),
  /** The coach's connected account the payment was made on. */
  accountId: z.string(),
  target: PaymentTarget,
  method: PaymentMethod,
  wallet: z.string().nullable(),
  refundedMinor: z.number().int().min(0),
});
export type StripePayment = z.infer<typeof StripePayment>;
/** stripePayments/{paymentIntentId} */
export const stripePaymentRef = (intentId: string) => db().collection("stripePayments").doc(intentId);
/** stripeEvents/{eventId}: the marker of a Stripe event applied once. */
export const stripeEventRef = (eventId: string) => db().collection("stripeEvents").doc(eventId);

/** stripeAccounts/{accountId}: the coach who connected a Stripe account (read by no client). */
export const StripeAccountOwner = z.object({ coachId: z.string() });
export type StripeAccountOwner = z.infer<typeof StripeAccountOwner>;
/** stripeAccounts/{accountId} */
export const stripeAccountRef = (accountId: string) => db().collection("stripeAccounts").doc(accountId).withConverter(zodConverter(StripeAccountOwner));

/**
 * Money Stripe reported that SoloCoach could not attach to a booking or pack
 * (a payment for a target that is gone, a refund of a payment never seen): the
 * coach sees it and settles it by hand.
 */
export const UnmatchedMoney = z.object({
  eventType: z.string(),
  reason: z.string(),
  amountMinor: z.number().int().nullable(),
  currency: z.string().nullable(),
  /** Stripe's id of the session or charge. */
  reference: z.string(),
  at: Instant,
});
export type UnmatchedMoney = z.infer<typeof UnmatchedMoney>;
/** coaches/{coachId}/unmatchedMoney/{eventId} */
export const unmatchedMoneyCol = (coachId: string) => coachDoc(coachId).collection("unmatchedMoney").withConverter(zodConverter(UnmatchedMoney));

/** pageRefreshes/{slug}: coach addresses whose page changed and is not refreshed yet (read by no client). */
export const pageRefreshesCol = () => db().collection("pageRefreshes");
