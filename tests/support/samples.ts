// One valid call of every callable against the demo (docs/api.md), and who
// may make it: the refusal and fuzz tests start from these.
import { randomUUID } from "node:crypto";
import type { Api, CallName } from "../../functions/src/api/index.js";
import { DEMO, demoCoach, demoOffering, demoPackTemplate } from "../../scripts/demo-data.js";

/** What a new coach answers in the sign-up wizard, leaving every default as it is (createCoach's `setup`). */
export const NEW_COACH_ANSWERS = {
  name: "Ana Silva",
  discipline: "Fitness",
  slug: "ana-silva",
  timeZone: "Europe/London",
  currency: "GBP",
  location: { name: "Hyde Park gym" },
  offering: { title: "Personal training (45 min)", durationMinutes: 45, priceMinor: 5500 },
} satisfies Api["createCoach"]["input"]["setup"];

/** Who may call: anybody; any signed-in user (as a client); the coach only; the booking's coach or client. */
export type Caller = "anybody" | "client" | "coach" | "party";

export type Sample<N extends CallName = CallName> = { caller: Caller; input: Api[N]["input"] };
export type Samples = { [N in CallName]: Sample<N> };

/** Valid calls for the demo coach, about `bookingId` (a booking of Lena's) and a free slot at `start`. */
export function sampleCalls(bookingId: string, start: string): Samples {
  const coachId = DEMO.coachId;
  const booking = { coachId, bookingId };
  const lena = { coachId, clientUid: DEMO.client.uid };
  const requestId = randomUUID();
  const money = { requestId, coachId, target: { type: "pack" as const, id: DEMO.packId }, method: "cash" as const, amountMinor: 100 };
  return {
    listSlots: { caller: "anybody", input: { coachId, offeringId: DEMO.offeringId, from: start, days: 7 } },
    bookSlot: { caller: "client", input: { requestId, coachId, offeringId: DEMO.offeringId, start, payWith: "pack" } },
    bookForClient: { caller: "coach", input: { requestId, coachId, clientUid: DEMO.client.uid, offeringId: DEMO.offeringId, start, payWith: "pack" } },
    bookSeries: { caller: "client", input: { requestId, coachId, offeringId: DEMO.offeringId, firstStart: start, weeks: 2, payWith: "pack" } },
    previewSeries: { caller: "client", input: { coachId, offeringId: DEMO.offeringId, firstStart: start, weeks: 2, payWith: "pack" } },
    createCheckout: { caller: "client", input: { requestId, coachId, item: { type: "pack", templateId: DEMO.packTemplateId } } },
    getClientPortal: { caller: "client", input: {} },
    sendMessage: { caller: "client", input: { requestId, coachId, text: "Hello" } },
    markThreadRead: { caller: "client", input: { coachId } },
    getBalance: { caller: "party", input: { coachId, clientUid: DEMO.client.uid } },
    previewCancellation: { caller: "party", input: booking },
    cancelBooking: { caller: "party", input: booking },
    previewSeriesCancellation: { caller: "party", input: booking },
    cancelSeries: { caller: "party", input: booking },
    rescheduleBooking: { caller: "party", input: { requestId, coachId, bookingId, newStart: start } },
    bookingCalendar: { caller: "party", input: booking },
    submitReview: { caller: "party", input: { ...booking, rating: 5, consent: true } },
    markNoShow: { caller: "coach", input: booking },
    waiveCharge: { caller: "coach", input: { ...booking, reasonId: "weather" } },
    confirmBooking: { caller: "coach", input: booking },
    completeBooking: { caller: "coach", input: booking },
    requestReview: { caller: "coach", input: booking },
    publishReview: { caller: "coach", input: { ...booking, published: true } },
    replyToReview: { caller: "coach", input: { ...booking, reply: "Thanks" } },
    sellPack: {
      caller: "coach",
      input: { requestId, coachId, templateId: DEMO.packTemplateId, client: { email: "new-client@example.com", name: "New Client" } },
    },
    transferUnits: { caller: "coach", input: { requestId, coachId, packId: DEMO.packId, toClientUid: "uid-max", units: 1 } },
    voidPack: { caller: "coach", input: { requestId, coachId, packId: DEMO.packId, note: "refunded in cash" } },
    extendPack: { caller: "coach", input: { requestId, coachId, packId: DEMO.packId, days: 7, note: "injury" } },
    adjustPack: { caller: "coach", input: { requestId, coachId, packId: DEMO.packId, delta: 1, note: "goodwill" } },
    savePackTemplate: { caller: "coach", input: { coachId, templateId: "five-pack", template: { ...demoPackTemplate, units: 5 } } },
    setCancellationPolicy: { caller: "coach", input: { coachId, policy: { windowHours: 48 } } },
    setAvailability: {
      caller: "coach",
      input: { coachId, weeklyHours: demoCoach.weeklyHours, dateOverrides: [], timeOff: [], bookingRules: demoCoach.bookingRules },
    },
    orderOfferings: { caller: "coach", input: { coachId, offeringIds: [DEMO.offeringId] } },
    saveOffering: { caller: "coach", input: { coachId, offeringId: "private-30", offering: { ...demoOffering, title: "Short lesson", durationMinutes: 30 } } },
    recordPayment: { caller: "coach", input: money },
    recordRefund: { caller: "coach", input: money },
    getClientAccount: { caller: "coach", input: lena },
    getOverview: { caller: "coach", input: { coachId } },
    exportMonth: { caller: "coach", input: { coachId, month: "2026-11" } },
    setInvoiceSettings: { caller: "coach", input: { coachId, settings: { ...demoCoach.invoicing!, paymentTermsDays: 30 } } },
    saveBillingAddress: { caller: "coach", input: { ...lena, address: "Am Park 1\n10115 Berlin" } },
    issueInvoice: { caller: "coach", input: { coachId, target: money.target } },
    exportDocuments: { caller: "coach", input: { coachId, from: "2026-11-01", to: "2026-11-30" } },
    // A client lists their own; a document of another client is DOCUMENT_NOT_FOUND (tests/functions/invoices.test.ts).
    listDocuments: { caller: "client", input: { coachId } },
    getDocumentPdf: { caller: "client", input: { coachId, documentId: "invoice-pack-pack-lena" } },
    refundOnline: { caller: "coach", input: { requestId, coachId, target: money.target, amountMinor: 100 } },
    // The paying client or the coach; anybody else is told there is no such target.
    cancelCheckout: { caller: "client", input: { coachId, target: money.target } },
    connectStripe: { caller: "coach", input: { requestId, coachId } },
    refreshStripeAccount: { caller: "coach", input: { coachId } },
    registerDevice: { caller: "coach", input: { coachId, token: "device-token-0123456789" } },
    unregisterDevice: { caller: "coach", input: { coachId, token: "device-token-0123456789" } },
    setCalendarFeed: { caller: "coach", input: { coachId, enabled: true } },
    setNotificationSettings: { caller: "coach", input: { coachId, settings: { paymentOpenDays: 5 } } },
    listClients: { caller: "coach", input: { coachId } },
    addClient: { caller: "coach", input: { requestId, coachId, name: "Jonas Weber", phone: "+49 170 555 0101" } },
    getClientDetail: { caller: "coach", input: lena },
    saveClientNotes: { caller: "coach", input: { ...lena, notes: "Backhand" } },
    exportClientData: { caller: "coach", input: lena },
    deleteClient: { caller: "coach", input: lena },
    createCoach: { caller: "client", input: { requestId, setup: NEW_COACH_ANSWERS } },
    checkSlug: { caller: "client", input: { slug: "ana-silva" } },
    changeSlug: { caller: "coach", input: { coachId, slug: "emma-weber" } },
    saveProfile: { caller: "coach", input: { coachId, profile: { name: "Emma", discipline: "Tennis", locations: demoCoach.locations, locale: "en" } } },
  };
}
