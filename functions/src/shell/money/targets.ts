// Money on a payment target (a pack, or a booking paid singly): loads the
// target, and writes a payment or refund with the target's new summary; what
// the movement does to a pack is the domain's packAfterMoney.
import { Transaction } from "firebase-admin/firestore";
import { DateTime } from "luxon";
import { Booking } from "../../domain/booking.js";
import { Coach } from "../../domain/coach.js";
import { DomainError } from "../../domain/errors.js";
import { Pack, PackChange } from "../../domain/packs.js";
import { packAfterMoney } from "../../domain/pack-sales.js";
import { PaymentRecord, PaymentSummary, PaymentTarget, applyMoney } from "../../domain/payments.js";
import { Result, fail, ok } from "../../domain/result.js";
import { mailForMoney } from "../../domain/client-mail-plan.js";
import { writeMails } from "../mail/outbox.js";
import { writePackChange } from "../packs/commit.js";
import { scheduleBooking, type Schedule } from "../jobs/schedule.js";
import { bookingsCol, packsCol, paymentsCol } from "../firestore/refs.js";
import { Paperwork, issueMoneyDocuments, loadPaperwork } from "../invoices/issue.js";

/** A payment target as loaded: its summary, who pays, and the pack or booking itself. */
export interface TargetState {
  target: PaymentTarget;
  clientUid: string;
  summary: PaymentSummary;
  pack?: Pack;
  booking?: Booking;
  /** What a movement's receipt or credit note needs, when loaded for a coach who invoices. */
  paperwork?: Paperwork | null;
}

/**
 * Loads a target: a pack, or a booking paid singly. With `forMoney` (the
 * coach and the movement's time) it also reads what the movement's documents
 * need, so that writeMoney can issue them.
 */
export async function loadTarget(
  tx: Transaction,
  coachId: string,
  target: PaymentTarget,
  forMoney?: { coach: Coach; now: DateTime },
): Promise<Result<TargetState, DomainError>> {
  const state = await loadTargetOnly(tx, coachId, target);
  if (!state.ok || !forMoney) return state;
  return ok({ ...state.value, paperwork: await loadPaperwork(tx, coachId, forMoney.coach, state.value, forMoney.now) });
}

async function loadTargetOnly(tx: Transaction, coachId: string, target: PaymentTarget): Promise<Result<TargetState, DomainError>> {
  if (target.type === "pack") {
    const pack = (await tx.get(packsCol(coachId).doc(target.id))).data();
    return pack ? ok({ target, clientUid: pack.clientUid, summary: pack.payment, pack }) : fail({ code: "PAYMENT_TARGET_NOT_FOUND" });
  }
  const booking = (await tx.get(bookingsCol(coachId).doc(target.id))).data();
  if (!booking || booking.payment.method !== "single") return fail({ code: "PAYMENT_TARGET_NOT_FOUND" });
  const { method: _method, ...summary } = booking.payment;
  return ok({ target, clientUid: booking.clientUid, summary, booking });
}

/** True when a payment with this cause-derived id is already recorded. */
export async function isRecorded(tx: Transaction, coachId: string, paymentId: string): Promise<boolean> {
  return (await tx.get(paymentsCol(coachId).doc(paymentId))).exists;
}

/**
 * Writes one money movement (call after all reads): the record under its
 * cause-derived id, and the target with its new summary. `packChange` and
 * `booking` carry other changes of the same target made in this transaction
 * (activation, confirmation); what the movement does to a pack is the
 * domain's packAfterMoney. The client's receipt mail, the movement's
 * documents (when the target was loaded with its paperwork), and the
 * target's due-time job (a payment nudge no longer due), are written with it.
 */
export function writeMoney(
  tx: Transaction,
  coachId: string,
  coach: Schedule,
  paymentId: string,
  record: Omit<PaymentRecord, "clientUid">,
  state: TargetState,
  summary: PaymentSummary,
  changes: { packChange?: PackChange; booking?: Booking } = {},
): void {
  tx.create(paymentsCol(coachId).doc(paymentId), { ...record, clientUid: state.clientUid });
  if (state.paperwork) issueMoneyDocuments(tx, state.paperwork, paymentId, record, summary);
  writeMails(tx, coachId, [mailForMoney(paymentId, { ...record, clientUid: state.clientUid })], record.at);
  const booking = changes.booking ?? state.booking;
  if (booking) {
    const paid: Booking = { ...booking, payment: { method: "single", ...summary } };
    tx.set(bookingsCol(coachId).doc(state.target.id), paid);
    scheduleBooking(tx, coachId, coach, state.target.id, paid, record.at);
    return;
  }
  const base = changes.packChange ?? (state.pack ? { packId: state.target.id, pack: state.pack, entries: [] } : undefined);
  if (base)
    writePackChange(tx, coachId, coach, packAfterMoney(base, summary, { requestId: paymentId, actor: { uid: record.actorUid, now: record.at } }), record.at);
}

/** Loads the target, applies the movement and writes it: the manual path. A repeated id changes nothing. */
export async function recordMoney(
  tx: Transaction,
  coachId: string,
  coach: Coach,
  paymentId: string,
  record: Omit<PaymentRecord, "clientUid">,
): Promise<Result<PaymentSummary, DomainError>> {
  const state = await loadTarget(tx, coachId, record.target, { coach, now: record.at });
  if (!state.ok) return state;
  if (await isRecorded(tx, coachId, paymentId)) return ok(state.value.summary);
  const summary = applyMoney(state.value.summary, record);
  if (!summary.ok) return summary;
  writeMoney(tx, coachId, coach, paymentId, record, state.value, summary.value);
  return summary;
}
