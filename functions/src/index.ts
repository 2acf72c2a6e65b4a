// Deployable functions, one per file; this module only re-exports them.
//
// Each deployed function (and each Functions emulator worker) runs one of
// them, named by FUNCTION_TARGET, and loads only that one's module: a cold
// start imports what its function needs (listSlots never loads stripe), and
// an emulator worker stays smaller (94 instead of 102 MB resident). Deploy-time
// discovery, which runs without FUNCTION_TARGET, loads them all. The modules
// are loaded with require(): the Functions runtime require()s this entry point,
// and a require()d ES module may not use top-level await (Node ≥ 22.12 loads
// ES modules through require()).
import { createRequire } from "node:module";
import { setGlobalOptions } from "firebase-functions/v2/options";
import { REGION } from "./shell/firebase.js";

// The options of every function, set here once, before any function's module
// is loaded: each function reads them when it is defined.
setGlobalOptions({ region: REGION, maxInstances: 10 });

const requireModule = createRequire(import.meta.url);
const target = process.env.FUNCTION_TARGET;

/** The module at `path` when this process runs function `name` (or discovers all), else undefined. */
function load<M>(name: string, path: string): M | undefined {
  return target === undefined || target === "" || target === name ? (requireModule(path) as M) : undefined;
}

export const addClient = load<typeof import("./callables/add-client.js")>("addClient", "./callables/add-client.js")?.addClient;
export const adjustPack = load<typeof import("./callables/adjust-pack.js")>("adjustPack", "./callables/adjust-pack.js")?.adjustPack;
export const bookSeries = load<typeof import("./callables/book-series.js")>("bookSeries", "./callables/book-series.js")?.bookSeries;
export const bookForClient = load<typeof import("./callables/book-for-client.js")>("bookForClient", "./callables/book-for-client.js")?.bookForClient;
export const bookSlot = load<typeof import("./callables/book-slot.js")>("bookSlot", "./callables/book-slot.js")?.bookSlot;
export const bookingCalendar = load<typeof import("./callables/booking-calendar.js")>("bookingCalendar", "./callables/booking-calendar.js")?.bookingCalendar;
export const cancelSeries = load<typeof import("./callables/cancel-series.js")>("cancelSeries", "./callables/cancel-series.js")?.cancelSeries;
export const cancelBooking = load<typeof import("./callables/cancel-booking.js")>("cancelBooking", "./callables/cancel-booking.js")?.cancelBooking;
export const completeBooking = load<typeof import("./callables/complete-booking.js")>("completeBooking", "./callables/complete-booking.js")?.completeBooking;
export const changeSlug = load<typeof import("./callables/change-slug.js")>("changeSlug", "./callables/change-slug.js")?.changeSlug;
export const checkSlug = load<typeof import("./callables/check-slug.js")>("checkSlug", "./callables/check-slug.js")?.checkSlug;
export const confirmBooking = load<typeof import("./callables/confirm-booking.js")>("confirmBooking", "./callables/confirm-booking.js")?.confirmBooking;
export const createCheckout = load<typeof import("./callables/create-checkout.js")>("createCheckout", "./callables/create-checkout.js")?.createCheckout;
export const createCoach = load<typeof import("./callables/create-coach.js")>("createCoach", "./callables/create-coach.js")?.createCoach;
export const deleteClient = load<typeof import("./callables/delete-client.js")>("deleteClient", "./callables/delete-client.js")?.deleteClient;
export const exportClientData = load<typeof import("./callables/export-client-data.js")>(
  "exportClientData",
  "./callables/export-client-data.js",
)?.exportClientData;
export const exportMonth = load<typeof import("./callables/export-month.js")>("exportMonth", "./callables/export-month.js")?.exportMonth;
export const extendPack = load<typeof import("./callables/extend-pack.js")>("extendPack", "./callables/extend-pack.js")?.extendPack;
export const getBalance = load<typeof import("./callables/get-balance.js")>("getBalance", "./callables/get-balance.js")?.getBalance;
export const getClientAccount = load<typeof import("./callables/get-client-account.js")>(
  "getClientAccount",
  "./callables/get-client-account.js",
)?.getClientAccount;
export const getClientDetail = load<typeof import("./callables/get-client-detail.js")>("getClientDetail", "./callables/get-client-detail.js")?.getClientDetail;
export const getClientPortal = load<typeof import("./callables/get-client-portal.js")>("getClientPortal", "./callables/get-client-portal.js")?.getClientPortal;
export const getOverview = load<typeof import("./callables/get-overview.js")>("getOverview", "./callables/get-overview.js")?.getOverview;
export const setInvoiceSettings = load<typeof import("./callables/set-invoice-settings.js")>(
  "setInvoiceSettings",
  "./callables/set-invoice-settings.js",
)?.setInvoiceSettings;
export const saveBillingAddress = load<typeof import("./callables/save-billing-address.js")>(
  "saveBillingAddress",
  "./callables/save-billing-address.js",
)?.saveBillingAddress;
export const issueInvoice = load<typeof import("./callables/issue-invoice.js")>("issueInvoice", "./callables/issue-invoice.js")?.issueInvoice;
export const listDocuments = load<typeof import("./callables/list-documents.js")>("listDocuments", "./callables/list-documents.js")?.listDocuments;
export const getDocumentPdf = load<typeof import("./callables/get-document-pdf.js")>("getDocumentPdf", "./callables/get-document-pdf.js")?.getDocumentPdf;
export const exportDocuments = load<typeof import("./callables/export-documents.js")>("exportDocuments", "./callables/export-documents.js")?.exportDocuments;
export const listClients = load<typeof import("./callables/list-clients.js")>("listClients", "./callables/list-clients.js")?.listClients;
export const listSlots = load<typeof import("./callables/list-slots.js")>("listSlots", "./callables/list-slots.js")?.listSlots;
export const markThreadRead = load<typeof import("./callables/mark-thread-read.js")>("markThreadRead", "./callables/mark-thread-read.js")?.markThreadRead;
export const markNoShow = load<typeof import("./callables/mark-no-show.js")>("markNoShow", "./callables/mark-no-show.js")?.markNoShow;
export const previewCancellation = load<typeof import("./callables/preview-cancellation.js")>(
  "previewCancellation",
  "./callables/preview-cancellation.js",
)?.previewCancellation;
export const orderOfferings = load<typeof import("./callables/order-offerings.js")>("orderOfferings", "./callables/order-offerings.js")?.orderOfferings;
export const previewSeries = load<typeof import("./callables/preview-series.js")>("previewSeries", "./callables/preview-series.js")?.previewSeries;
export const previewSeriesCancellation = load<typeof import("./callables/preview-series-cancellation.js")>(
  "previewSeriesCancellation",
  "./callables/preview-series-cancellation.js",
)?.previewSeriesCancellation;
export const publishReview = load<typeof import("./callables/publish-review.js")>("publishReview", "./callables/publish-review.js")?.publishReview;
export const recordPayment = load<typeof import("./callables/record-payment.js")>("recordPayment", "./callables/record-payment.js")?.recordPayment;
export const cancelCheckout = load<typeof import("./callables/cancel-checkout.js")>("cancelCheckout", "./callables/cancel-checkout.js")?.cancelCheckout;
export const connectStripe = load<typeof import("./callables/connect-stripe.js")>("connectStripe", "./callables/connect-stripe.js")?.connectStripe;
export const refundOnline = load<typeof import("./callables/refund-online.js")>("refundOnline", "./callables/refund-online.js")?.refundOnline;
export const refreshStripeAccount = load<typeof import("./callables/refresh-stripe-account.js")>(
  "refreshStripeAccount",
  "./callables/refresh-stripe-account.js",
)?.refreshStripeAccount;
export const recordRefund = load<typeof import("./callables/record-refund.js")>("recordRefund", "./callables/record-refund.js")?.recordRefund;
export const registerDevice = load<typeof import("./callables/register-device.js")>("registerDevice", "./callables/register-device.js")?.registerDevice;
export const replyToReview = load<typeof import("./callables/reply-to-review.js")>("replyToReview", "./callables/reply-to-review.js")?.replyToReview;
export const requestReview = load<typeof import("./callables/request-review.js")>("requestReview", "./callables/request-review.js")?.requestReview;
export const rescheduleBooking = load<typeof import("./callables/reschedule-booking.js")>(
  "rescheduleBooking",
  "./callables/reschedule-booking.js",
)?.rescheduleBooking;
export const saveClientNotes = load<typeof import("./callables/save-client-notes.js")>("saveClientNotes", "./callables/save-client-notes.js")?.saveClientNotes;
export const saveOffering = load<typeof import("./callables/save-offering.js")>("saveOffering", "./callables/save-offering.js")?.saveOffering;
export const savePackTemplate = load<typeof import("./callables/save-pack-template.js")>(
  "savePackTemplate",
  "./callables/save-pack-template.js",
)?.savePackTemplate;
export const saveProfile = load<typeof import("./callables/save-profile.js")>("saveProfile", "./callables/save-profile.js")?.saveProfile;
export const sellPack = load<typeof import("./callables/sell-pack.js")>("sellPack", "./callables/sell-pack.js")?.sellPack;
export const sendMessage = load<typeof import("./callables/send-message.js")>("sendMessage", "./callables/send-message.js")?.sendMessage;
export const setAvailability = load<typeof import("./callables/set-availability.js")>("setAvailability", "./callables/set-availability.js")?.setAvailability;
export const setCalendarFeed = load<typeof import("./callables/set-calendar-feed.js")>("setCalendarFeed", "./callables/set-calendar-feed.js")?.setCalendarFeed;
export const setCancellationPolicy = load<typeof import("./callables/set-cancellation-policy.js")>(
  "setCancellationPolicy",
  "./callables/set-cancellation-policy.js",
)?.setCancellationPolicy;
export const setNotificationSettings = load<typeof import("./callables/set-notification-settings.js")>(
  "setNotificationSettings",
  "./callables/set-notification-settings.js",
)?.setNotificationSettings;
export const submitReview = load<typeof import("./callables/submit-review.js")>("submitReview", "./callables/submit-review.js")?.submitReview;
export const transferUnits = load<typeof import("./callables/transfer-units.js")>("transferUnits", "./callables/transfer-units.js")?.transferUnits;
export const unregisterDevice = load<typeof import("./callables/unregister-device.js")>(
  "unregisterDevice",
  "./callables/unregister-device.js",
)?.unregisterDevice;
export const voidPack = load<typeof import("./callables/void-pack.js")>("voidPack", "./callables/void-pack.js")?.voidPack;
export const waiveCharge = load<typeof import("./callables/waive-charge.js")>("waiveCharge", "./callables/waive-charge.js")?.waiveCharge;
export const coachPage = load<typeof import("./http/coach-page.js")>("coachPage", "./http/coach-page.js")?.coachPage;
export const calendarFeed = load<typeof import("./http/calendar-feed.js")>("calendarFeed", "./http/calendar-feed.js")?.calendarFeed;
export const mailLinks = load<typeof import("./http/mail-links.js")>("mailLinks", "./http/mail-links.js")?.mailLinks;
export const sweepDueWork = load<typeof import("./scheduled/sweep-due-work.js")>("sweepDueWork", "./scheduled/sweep-due-work.js")?.sweepDueWork;
export const runDueWork = load<typeof import("./tasks/run-due-work.js")>("runDueWork", "./tasks/run-due-work.js")?.runDueWork;
export const readModelsOnBookingWritten = load<typeof import("./triggers/read-models-on-booking-written.js")>(
  "readModelsOnBookingWritten",
  "./triggers/read-models-on-booking-written.js",
)?.readModelsOnBookingWritten;
export const readModelsOnPackWritten = load<typeof import("./triggers/read-models-on-pack-written.js")>(
  "readModelsOnPackWritten",
  "./triggers/read-models-on-pack-written.js",
)?.readModelsOnPackWritten;
export const readModelsOnPaymentCreated = load<typeof import("./triggers/read-models-on-payment-created.js")>(
  "readModelsOnPaymentCreated",
  "./triggers/read-models-on-payment-created.js",
)?.readModelsOnPaymentCreated;
export const deliverNotification = load<typeof import("./triggers/deliver-notification.js")>(
  "deliverNotification",
  "./triggers/deliver-notification.js",
)?.deliverNotification;
export const deliverClientMail = load<typeof import("./triggers/deliver-client-mail.js")>(
  "deliverClientMail",
  "./triggers/deliver-client-mail.js",
)?.deliverClientMail;
export const pageOnPublicCoachWritten = load<typeof import("./triggers/page-on-public-coach-written.js")>(
  "pageOnPublicCoachWritten",
  "./triggers/page-on-public-coach-written.js",
)?.pageOnPublicCoachWritten;
export const refreshCoachPages = load<typeof import("./tasks/refresh-coach-pages.js")>(
  "refreshCoachPages",
  "./tasks/refresh-coach-pages.js",
)?.refreshCoachPages;
export const fakeStripe = load<typeof import("./http/fake-stripe-pages.js")>("fakeStripe", "./http/fake-stripe-pages.js")?.fakeStripe;
export const stripeWebhook = load<typeof import("./webhooks/stripe-webhook.js")>("stripeWebhook", "./webhooks/stripe-webhook.js")?.stripeWebhook;
