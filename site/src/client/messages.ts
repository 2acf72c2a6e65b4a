// The one place where a callable failure becomes words for the client.

const messages: Record<string, string> = {
  AUTH_REQUIRED: "Please sign in first.",
  INVALID_INPUT: "Something in the request was not valid. Please reload the page.",
  COACH_NOT_FOUND: "This coach page no longer exists.",
  OFFERING_NOT_FOUND: "This session type is no longer offered.",
  OFFERING_NOT_BOOKABLE_ONLINE: "This session type cannot be booked online.",
  SLOT_NOT_OFFERED: "This time is no longer offered. Please pick another slot.",
  SLOT_TAKEN: "Someone just booked this slot. Here are the slots still free.",
  PACK_BALANCE_INSUFFICIENT: "You have no session left in a pack for this booking. Buy a new pack to book.",
  REQUEST_ID_REUSED: "This booking request was already used. Please try again.",
  CONTENDED: "Many people are booking right now. Please try again.",
  OUTCOME_CHANGED: "The cancellation window has just closed. Please look at what cancelling does now.",
  NETWORK: "The server could not be reached. Check your connection and try again.",
  SIGN_IN_FAILED: "Email or password is not right.",
};

/** User text for a `details.reason`. */
export function messageFor(reason: string): string {
  return messages[reason] ?? "Something went wrong. Please try again.";
}
