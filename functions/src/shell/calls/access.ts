import { Transaction } from "firebase-admin/firestore";
import { Booking } from "../../domain/booking.js";
import { Coach } from "../../domain/coach.js";
import { DomainError } from "../../domain/errors.js";
import { Pack, WithId } from "../../domain/packs.js";
import { Result, fail, ok } from "../../domain/result.js";
import { bookingsCol, coachRef, packsCol } from "../firestore/refs.js";

/** Loads the coach and checks the caller owns it (coach-only callables). */
export async function loadOwnCoach(tx: Transaction, coachId: string, uid: string): Promise<Result<Coach, DomainError>> {
  const coach = (await tx.get(coachRef(coachId))).data();
  if (!coach) return fail({ code: "COACH_NOT_FOUND" });
  if (coach.ownerUid !== uid) return fail({ code: "NOT_ALLOWED" });
  return ok(coach);
}

/** Loads a pack of the caller's coach (coach-only callables). */
export async function loadOwnPack(
  tx: Transaction,
  coachId: string,
  packId: string,
  uid: string,
): Promise<Result<{ coach: Coach; pack: WithId<Pack> }, DomainError>> {
  const coach = await loadOwnCoach(tx, coachId, uid);
  if (!coach.ok) return coach;
  const pack = (await tx.get(packsCol(coachId).doc(packId))).data();
  if (!pack) return fail({ code: "PACK_NOT_FOUND" });
  return ok({ coach: coach.value, pack: { id: packId, data: pack } });
}

/** A booking with what deciding about it needs, and who the caller is to it. */
export interface BookingAccess {
  coach: Coach;
  booking: Booking;
  pack: WithId<Pack> | undefined;
  role: "client" | "coach";
}

/**
 * Loads a booking for its client or its coach; anybody else gets
 * BOOKING_NOT_FOUND (we do not reveal that the booking exists). With `only`,
 * the other party gets NOT_ALLOWED.
 */
export async function loadBookingAccess(
  tx: Transaction,
  coachId: string,
  bookingId: string,
  uid: string,
  only?: BookingAccess["role"],
): Promise<Result<BookingAccess, DomainError>> {
  const coach = (await tx.get(coachRef(coachId))).data();
  const booking = (await tx.get(bookingsCol(coachId).doc(bookingId))).data();
  if (!coach || !booking) return fail({ code: "BOOKING_NOT_FOUND" });
  const role = coach.ownerUid === uid ? "coach" : booking.clientUid === uid ? "client" : undefined;
  if (!role) return fail({ code: "BOOKING_NOT_FOUND" });
  if (only && role !== only) return fail({ code: "NOT_ALLOWED" });
  const packId = booking.payment.method === "pack" ? booking.payment.packId : undefined;
  const pack = packId ? (await tx.get(packsCol(coachId).doc(packId))).data() : undefined;
  return ok({ coach, booking, pack: packId && pack ? { id: packId, data: pack } : undefined, role });
}

/** Reads the coach outside a transaction and checks the caller owns it (read-only coach callables). */
export async function readOwnCoach(coachId: string, uid: string): Promise<Result<Coach, DomainError>> {
  const coach = (await coachRef(coachId).get()).data();
  if (!coach) return fail({ code: "COACH_NOT_FOUND" });
  if (coach.ownerUid !== uid) return fail({ code: "NOT_ALLOWED" });
  return ok(coach);
}
