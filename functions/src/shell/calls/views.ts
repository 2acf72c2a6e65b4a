import type { DateTime } from "luxon";
import type { BookSlotResult } from "../../api/booking.js";
import { LedgerFactsView, LedgerView, PackView } from "../../api/packs.js";
import type { Booking } from "../../domain/booking.js";
import { MovementView, PaymentStateResult } from "../../api/payments.js";
import { LedgerEntry, Pack } from "../../domain/packs.js";
import { PaymentRecord, PaymentSummary, PaymentTarget } from "../../domain/payments.js";
import { iso } from "../../domain/time.js";

/** A pack as the callables return it. */
export function packView(id: string, pack: Pack): PackView {
  return {
    id,
    clientUid: pack.clientUid,
    name: pack.name,
    units: pack.units,
    remaining: pack.remaining,
    status: pack.status,
    expiresAt: iso(pack.expiresAt),
    paymentState: pack.payment.state,
  };
}

/** An entry's facts as the callables return them, for pages to word the entry in their language. */
export function ledgerFactsView(entry: LedgerEntry): LedgerFactsView {
  const instant = (value: DateTime | null) => (value ? iso(value) : null);
  return {
    note: entry.note,
    sessionStart: instant(entry.sessionStart),
    movedFrom: instant(entry.movedFrom),
    expiresAt: instant(entry.expiresAt),
    extendedFrom: instant(entry.extendedFrom),
    otherClient: entry.otherClient,
    minutesBefore: entry.minutesBefore,
  };
}

/** A ledger entry as the callables return it. */
export function ledgerView(id: string, entry: LedgerEntry): LedgerView {
  return { id, delta: entry.delta, reason: entry.reason, sentence: entry.sentence, bookingId: entry.bookingId, at: iso(entry.at), ...ledgerFactsView(entry) };
}

/** A payment or refund record as the callables return it. */
export function paymentView(id: string, record: PaymentRecord): MovementView {
  return {
    id,
    target: record.target,
    kind: record.kind,
    method: record.method,
    wallet: record.wallet,
    amountMinor: record.amountMinor,
    at: iso(record.at),
  };
}

/** A target's payment state as the money callables answer it. */
export function paymentStateView(target: PaymentTarget, summary: PaymentSummary): PaymentStateResult {
  const { amountDueMinor, paidMinor, refundedMinor, currency, state } = summary;
  return { target, amountDueMinor, paidMinor, refundedMinor, currency, state };
}

/** A new or confirmed booking as its caller sees it: the booking and, once a unit is spent, the pack after it. */
export function bookingResult(bookingId: string, booking: Booking, pack: BookSlotResult["pack"]): BookSlotResult {
  return {
    bookingId,
    status: booking.status === "requested" ? "requested" : "confirmed",
    start: iso(booking.startsAt),
    end: iso(booking.endsAt),
    pack,
  };
}
