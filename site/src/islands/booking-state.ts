// The steps of <booking-panel> as data: one state at a time, each holding only
// what its step needs, so a slot, a signed-in client or a booking cannot
// linger in a step where it means nothing.
import type { User } from "firebase/auth";
import type { BookSeriesResult } from "../../../functions/src/api/booking.js";
import type { Booked, PayWith } from "./booking-steps.js";

/** A picked slot; its requestId makes a repeated (or, after an emailed link, resumed) booking the same one. */
export interface Choice {
  start: string;
  requestId: string;
}

/** The panel's step, named as its [data-step] section ("slots": none, the list alone). */
export type PanelState =
  /** Only the list. A slot picked before Back (or another session type) stays pressed, and a sign-in still confirms it. */
  | { step: "slots"; choice: Choice | undefined }
  /** A slot is picked; the sign-in form asks who books it. */
  | { step: "sign-in"; choice: Choice }
  /** Signed in: the booking form for the slot, with the client's units left. */
  | { step: "confirm"; choice: Choice; user: User; remaining: number }
  /** Booked (or requested): the confirmation, from which the calendar file is fetched. */
  | { step: "done"; user: User; booking: Booked; payWith: PayWith }
  /** A weekly series booked (or requested): every week's date, the skipped ones said. */
  | { step: "done"; user: User; series: BookSeriesResult; payWith: PayWith };

/** The slot the state still holds, if any. */
export const choiceOf = (state: PanelState): Choice | undefined => (state.step === "done" ? undefined : state.choice);
