/**
 * Expected business failures, closed union with stable codes. The shell maps
 * each one to an HttpsError (see shell/calls/http-errors.ts); the site maps the code
 * to user text.
 */
export type DomainError =
  | { code: "NOT_ALLOWED" }
  | { code: "SLUG_TAKEN" }
  | { code: "SLUG_RESERVED" }
  | { code: "ALREADY_A_COACH" }
  | { code: "COACH_NOT_FOUND" }
  | { code: "OFFERING_NOT_FOUND" }
  | { code: "OFFERING_NOT_BOOKABLE_ONLINE" }
  | { code: "CLIENT_NOT_FOUND" }
  | { code: "TEMPLATE_NOT_FOUND" }
  | { code: "SLOT_NOT_OFFERED"; start: string }
  | { code: "SLOT_TAKEN"; start: string }
  | { code: "PACK_BALANCE_INSUFFICIENT"; needed?: number; available?: number }
  | { code: "PACK_EXPIRES_BEFORE_SESSION" }
  | { code: "RESCHEDULE_TOO_LATE"; windowHours: number }
  | { code: "LOCATION_NOT_FOUND" }
  | { code: "PACK_NOT_FOUND" }
  | { code: "PACK_NOT_ACTIVE" }
  | { code: "PACK_NOT_TRANSFERABLE" }
  | { code: "TRANSFER_TO_SAME_CLIENT" }
  | { code: "BOOKING_NOT_FOUND" }
  | { code: "BOOKING_NOT_CANCELLABLE"; status: string }
  | { code: "BOOKING_ALREADY_STARTED" }
  | { code: "BOOKING_NOT_STARTED" }
  | { code: "WAIVER_NOT_APPLICABLE" }
  | { code: "WAIVER_REASON_UNKNOWN"; allowed: string[] }
  | { code: "REQUEST_ID_REUSED" }
  | { code: "CURRENCY_MISMATCH"; expected: string }
  | { code: "PAYMENT_EXCEEDS_DUE"; openMinor: number }
  | { code: "REFUND_EXCEEDS_PAID"; refundableMinor: number }
  | { code: "PAYMENT_TARGET_NOT_FOUND" }
  | { code: "OUTCOME_CHANGED"; outcome: string }
  | { code: "BOOKING_NOT_COMPLETED"; status: string }
  | { code: "REVIEW_NOT_FOUND" }
  | { code: "REVIEW_NOT_SUBMITTED" }
  | { code: "REVIEW_CONSENT_MISSING" }
  | { code: "NOT_A_CLIENT" }
  | { code: "CLIENT_HAS_OPEN_BUSINESS"; upcomingBookings: number; openMinor: number; remainingUnits: number }
  | { code: "LOCATION_IN_USE"; locationId: string; offeringIds: string[] }
  | { code: "ONLINE_PAYMENT_UNAVAILABLE" }
  | { code: "INVOICING_NOT_SET_UP" }
  | { code: "BILLING_ADDRESS_MISSING"; grossMinor: number }
  | { code: "DOCUMENT_NOT_FOUND" };

/** The stable reason codes, as a type. */
export type DomainErrorCode = DomainError["code"];

/** Every `details.reason` a callable answers: the domain's, and those the shell raises itself (docs/api.md). */
export type Reason = DomainErrorCode | "AUTH_REQUIRED" | "INVALID_INPUT" | "CONTENDED" | "INTERNAL" | "PAYMENT_PROVIDER_UNAVAILABLE";
