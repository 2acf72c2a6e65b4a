// The one way the site (and the tests) call SoloCoach's callable functions:
// the callable protocol over fetch (POST {data} → {result} | {error}), so the
// public page needs no Firebase SDK to list slots.
import type { z } from "zod";
import type * as api from "../../../functions/src/domain/api.js";

/** Every callable with its input (before defaults) and result. */
export interface Api {
  listSlots: { input: z.input<typeof api.ListSlotsInput>; result: api.ListSlotsResult };
  bookSlot: { input: z.input<typeof api.BookSlotInput>; result: api.BookSlotResult };
  getBalance: { input: api.GetBalanceInput; result: api.GetBalanceResult };
  previewCancellation: { input: api.BookingRefInput; result: api.ResolutionResult };
  cancelBooking: { input: api.CancelBookingInput; result: api.ResolutionResult };
  markNoShow: { input: api.BookingRefInput; result: api.ResolutionResult };
  waiveCharge: { input: api.WaiveChargeInput; result: api.ResolutionResult };
  sellPack: { input: api.SellPackInput; result: api.PackResult };
  transferUnits: { input: api.TransferUnitsInput; result: api.PackResult };
  voidPack: { input: z.input<typeof api.VoidPackInput>; result: api.PackResult };
  extendPack: { input: api.ExtendPackInput; result: api.PackResult };
  adjustPack: { input: api.AdjustPackInput; result: api.PackResult };
  savePackTemplate: { input: z.input<typeof api.SavePackTemplateInput>; result: api.SavedResult };
  setCancellationPolicy: { input: z.input<typeof api.SetCancellationPolicyInput>; result: api.SavedResult };
  confirmBooking: { input: api.BookingRefInput; result: api.BookSlotResult };
  rescheduleBooking: { input: api.RescheduleInput; result: api.BookSlotResult };
  bookSeries: { input: api.BookSeriesInput; result: api.BookSeriesResult };
  setAvailability: { input: z.input<typeof api.SetAvailabilityInput>; result: api.SavedResult };
  saveOffering: { input: z.input<typeof api.SaveOfferingInput>; result: api.SavedResult };
  recordPayment: { input: z.input<typeof api.RecordMoneyInput>; result: api.PaymentStateResult };
  recordRefund: { input: z.input<typeof api.RecordMoneyInput>; result: api.PaymentStateResult };
  createCheckout: { input: z.input<typeof api.CreateCheckoutInput>; result: api.CreateCheckoutResult };
  getClientAccount: { input: api.GetClientAccountInput; result: api.ClientAccountResult };
  getClientPortal: { input: api.GetClientPortalInput; result: api.ClientPortalResult };
  registerDevice: { input: api.DeviceInput; result: api.SavedResult };
  unregisterDevice: { input: api.DeviceInput; result: api.SavedResult };
  bookingCalendar: { input: api.BookingRefInput; result: api.CalendarFileResult };
  setCalendarFeed: { input: api.SetCalendarFeedInput; result: api.CalendarFeedResult };
  setNotificationSettings: { input: z.input<typeof api.SetNotificationSettingsInput>; result: api.SavedResult };
  completeBooking: { input: api.BookingRefInput; result: api.CompleteBookingResult };
  listClients: { input: api.ListClientsRequest; result: api.ListClientsResult };
  getClientDetail: { input: api.ClientRefInput; result: api.ClientDetailResult };
  saveClientNotes: { input: api.SaveClientNotesInput; result: api.SavedResult };
  sendMessage: { input: api.SendMessageInput; result: api.SendMessageResult };
  requestReview: { input: api.BookingRefInput; result: api.ReviewView };
  submitReview: { input: api.SubmitReviewRequest; result: api.ReviewView };
  publishReview: { input: api.PublishReviewInput; result: api.ReviewView };
  replyToReview: { input: api.ReplyToReviewInput; result: api.ReviewView };
  exportClientData: { input: api.ClientRefInput; result: api.ClientExportResult };
  deleteClient: { input: api.ClientRefInput; result: api.DeleteClientResult };
  saveProfile: { input: api.SaveProfileRequest; result: api.SavedResult };
  createCoach: { input: api.CreateCoachRequest; result: api.CreateCoachResult };
  checkSlug: { input: api.CheckSlugInput; result: api.CheckSlugResult };
  changeSlug: { input: api.ChangeSlugInput; result: api.ChangeSlugResult };
}

/** A failed call: the HttpsError code and the stable `details.reason`. */
export class CallableError extends Error {
  constructor(
    readonly code: string,
    readonly reason: string,
    readonly details: Record<string, unknown>,
    message: string,
  ) {
    super(message);
    this.name = "CallableError";
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/** Turns an HTTP callable response into its result or a CallableError. */
function unwrap(status: number, body: unknown): unknown {
  if (isRecord(body) && "result" in body && status < 300) return body.result;
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  const details = isRecord(error.details) ? error.details : {};
  const code = typeof error.status === "string" ? error.status.toLowerCase().replace(/_/g, "-") : "internal";
  const reason = typeof details.reason === "string" ? details.reason : "INTERNAL";
  throw new CallableError(code, reason, details, typeof error.message === "string" ? error.message : `HTTP ${status}`);
}

/** Calls `name` at `origin` (e.g. http://127.0.0.1:5001/demo-solocoach/europe-west1). */
export async function callFunction<N extends keyof Api>(origin: string, name: N, input: Api[N]["input"], idToken?: string): Promise<Api[N]["result"]> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (idToken) headers.authorization = `Bearer ${idToken}`;
  let response: Response;
  try {
    response = await fetch(`${origin}/${name}`, { method: "POST", headers, body: JSON.stringify({ data: input }) });
  } catch {
    throw new CallableError("unavailable", "NETWORK", {}, "The server could not be reached.");
  }
  const body: unknown = await response.json().catch(() => undefined);
  // The shape is the functions' contract (functions/src/domain/api.ts), versioned with this file.
  return unwrap(response.status, body) as Api[N]["result"];
}
