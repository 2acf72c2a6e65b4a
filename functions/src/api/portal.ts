// The client's portal: everything a signed-in client has with every coach.

import * as z from "zod";
import { BookingResolution, BookingStatus, CancellationOutcome } from "../domain/booking.js";
import { PaymentState } from "../domain/payments.js";
import { IsoInstant } from "../domain/time.js";
import { PackWithLedgerView } from "./packs.js";
import { MovementView } from "./payments.js";
import type { Calls } from "./contract.js";

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
  /** The start before the latest move (null: never moved). */
  movedFrom: IsoInstant.nullable(),
  /** The weekly series it belongs to (null: booked alone): it can be cancelled with every later session. */
  seriesId: z.string().nullable(),
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
  packs: z.array(PackWithLedgerView),
  payments: z.array(MovementView),
  paidMinor: z.number().int(),
  openMinor: z.number().int(),
});
export type PortalCoach = z.infer<typeof PortalCoach>;

/** getClientPortal result: one entry per coach the client has booked or bought from. */
export const ClientPortalResult = z.object({ coaches: z.array(PortalCoach) });
export type ClientPortalResult = z.infer<typeof ClientPortalResult>;

/** The callables of this area: each name with its input and result. */
export const portalCalls = {
  getClientPortal: { input: GetClientPortalInput, result: ClientPortalResult },
} satisfies Calls;
