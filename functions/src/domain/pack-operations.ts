// The coach's corrections of a pack: refund and void, extend, adjust by hand,
// transfer units to another client. Each returns the pack's change with the
// ledger entries that explain it, or the reason it is refused.

import { DomainError } from "./errors.js";
import { Result, fail, ok } from "./result.js";
import { calendarDay, line, units } from "./text.js";
import { openSummary } from "./payments.js";
import { Actor, Pack, PackChange, entry, post } from "./packs.js";

/**
 * Refund/void: the remaining units are voided and the pack is closed. `note`
 * is the coach's reason; `fullRefund` marks the void a full refund of the
 * money caused (the sentence says so; no note in English for German pages).
 */
export function decideVoid(args: {
  packId: string;
  pack: Pack;
  requestId: string;
  note: string | null;
  fullRefund?: boolean;
  actor: Actor;
}): Result<PackChange, DomainError> {
  const { pack } = args;
  if (pack.status !== "active") return fail({ code: "PACK_NOT_ACTIVE" });
  const why = args.fullRefund ? "refunded in full" : args.note;
  const text = `pack refunded: ${units(pack.remaining)} unused voided${why ? ` (${why})` : ""}`;
  const voided = entry(
    `void-${args.requestId}`,
    { delta: -pack.remaining, reason: "PACK_VOIDED", sentence: line(-pack.remaining, text), note: args.note },
    args.actor,
  );
  return post(args.packId, pack, [voided], { status: "refunded" });
}

/** Extend or freeze: the expiry moves N days later (e.g. injury); units do not change. */
export function decideExtension(args: {
  packId: string;
  pack: Pack;
  days: number;
  note: string;
  requestId: string;
  timeZone: string;
  actor: Actor;
}): Result<PackChange, DomainError> {
  const { pack, actor } = args;
  if (pack.status !== "active") return fail({ code: "PACK_NOT_ACTIVE" });
  const expiresAt = pack.expiresAt.setZone(args.timeZone).plus({ days: args.days }).toUTC();
  const text = `expiry extended from ${calendarDay(pack.expiresAt, args.timeZone, actor.now)} to ${calendarDay(expiresAt, args.timeZone, actor.now)}: ${args.note}`;
  return post(
    args.packId,
    pack,
    [
      entry(
        `extend-${args.requestId}`,
        { delta: 0, reason: "EXPIRY_EXTENDED", sentence: line(0, text), note: args.note, expiresAt, extendedFrom: pack.expiresAt },
        actor,
      ),
    ],
    { expiresAt },
  );
}

/** A manual correction with a required note; the balance may not go below zero. */
export function decideAdjustment(args: {
  packId: string;
  pack: Pack;
  delta: number;
  note: string;
  requestId: string;
  actor: Actor;
}): Result<PackChange, DomainError> {
  if (args.pack.status !== "active") return fail({ code: "PACK_NOT_ACTIVE" });
  const adjustment = entry(
    `adjust-${args.requestId}`,
    { delta: args.delta, reason: "MANUAL_ADJUSTMENT", sentence: line(args.delta, `manual adjustment: ${args.note}`), note: args.note },
    args.actor,
  );
  return post(args.packId, args.pack, [adjustment]);
}

/**
 * Moves units to another client of the same coach: the source pack loses
 * them, a new pack for the recipient (same terms and expiry) receives them.
 */
export function decideTransfer(args: {
  packId: string;
  pack: Pack;
  units: number;
  toClientUid: string;
  newPackId: string;
  fromName: string;
  toName: string;
  requestId: string;
  actor: Actor;
}): Result<{ from: PackChange; to: PackChange }, DomainError> {
  const { pack, actor } = args;
  if (pack.status !== "active" || actor.now >= pack.expiresAt) return fail({ code: "PACK_NOT_ACTIVE" });
  if (!pack.transferable) return fail({ code: "PACK_NOT_TRANSFERABLE" });
  if (args.toClientUid === pack.clientUid) return fail({ code: "TRANSFER_TO_SAME_CLIENT" });
  const out = entry(
    `transfer-${args.requestId}-out`,
    { delta: -args.units, reason: "TRANSFER_OUT", sentence: line(-args.units, `${units(args.units)} transferred to ${args.toName}`), otherClient: args.toName },
    actor,
  );
  const from = post(args.packId, pack, [out]);
  if (!from.ok) return from;
  const received: Pack = {
    ...pack,
    clientUid: args.toClientUid,
    units: args.units,
    remaining: 0,
    priceMinor: 0,
    purchasedAt: actor.now,
    payment: openSummary(0, pack.currency),
  };
  const into = entry(
    `transfer-${args.requestId}-in`,
    {
      delta: args.units,
      reason: "TRANSFER_IN",
      sentence: line(args.units, `${units(args.units)} transferred from ${args.fromName}`),
      otherClient: args.fromName,
    },
    actor,
  );
  const to = post(args.newPackId, received, [into]);
  if (!to.ok) return to;
  return ok({ from: from.value, to: to.value });
}
