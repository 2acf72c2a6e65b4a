import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellsFor, claimOf, decideBooking, type Booking } from "../../functions/src/domain/booking.js";
import type { DomainError } from "../../functions/src/domain/errors.js";
import { decideExpiry, type LedgerEntry, type Pack, type PackChange } from "../../functions/src/domain/packs.js";
import { decideSale } from "../../functions/src/domain/pack-sales.js";
import { decideAdjustment, decideExtension, decideTransfer, decideVoid } from "../../functions/src/domain/pack-operations.js";
import { decideCancellation, decideNoShow, decideWaiver, type ResolutionDecision } from "../../functions/src/domain/policy.js";
import type { Result } from "../../functions/src/domain/result.js";
import { freeSlots } from "../../functions/src/domain/slots.js";
import { availabilityOf } from "../../functions/src/domain/coach.js";
import { demoCoach, demoOffering, demoPackTemplate } from "../../scripts/demo-data.js";
import { utc } from "./fixtures.js";

/** An in-memory store that commits decisions the way the shell does. */
class World {
  now = utc("2026-01-05T07:00:00Z");
  packs = new Map<string, Pack>();
  ledgers = new Map<string, Map<string, LedgerEntry>>();
  bookings = new Map<string, Booking>();
  claims = new Set<string>();
  lastChange: PackChange | undefined;
  private seq = 0;

  nextId(prefix: string): string {
    this.seq += 1;
    return `${prefix}${this.seq}`;
  }

  /** Like the shell's transaction: all entries are created, or none (an existing id aborts). */
  commit(change: PackChange): boolean {
    const ledger = this.ledgers.get(change.packId) ?? new Map<string, LedgerEntry>();
    if (change.entries.some((e) => ledger.has(e.id))) return false;
    for (const e of change.entries) ledger.set(e.id, e.data);
    this.ledgers.set(change.packId, ledger);
    this.packs.set(change.packId, change.pack);
    this.lastChange = change;
    return true;
  }

  commitResolution(bookingId: string, result: Result<ResolutionDecision, DomainError>): void {
    if (!result.ok) return;
    if (result.value.packChange && !this.commit(result.value.packChange)) return;
    this.bookings.set(bookingId, result.value.booking);
    for (const cell of result.value.releasedCells) this.claims.delete(cell);
  }

  packsOf(client: string) {
    return [...this.packs].filter(([, p]) => p.clientUid === client).map(([id, data]) => ({ id, data }));
  }

  nth<T>(items: T[], index: number): T | undefined {
    return items.length === 0 ? undefined : items[index % items.length];
  }
}

const CLIENTS = ["c1", "c2", "c3"];
const actor = (world: World) => ({ uid: "coach", now: world.now });
const common = (world: World, bookingId: string, booking: Booking) => ({
  bookingId,
  booking,
  policy: demoCoach.cancellationPolicy,
  timeZone: demoCoach.timeZone,
  actor: actor(world),
  pack:
    booking.payment.method === "pack" && booking.payment.packId ? { id: booking.payment.packId, data: world.packs.get(booking.payment.packId)! } : undefined,
});

type Op =
  | { kind: "advance"; hours: number }
  | { kind: "sell"; client: number; units: number; transferable: boolean }
  | { kind: "book"; client: number; slot: number }
  | { kind: "cancel"; booking: number; byCoach: boolean }
  | { kind: "noShow"; booking: number }
  | { kind: "waive"; booking: number }
  | { kind: "expire" }
  | { kind: "transfer"; pack: number; to: number; units: number }
  | { kind: "adjust"; pack: number; delta: number }
  | { kind: "void"; pack: number }
  | { kind: "extend"; pack: number; days: number }
  | { kind: "retry" };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("advance" as const), hours: fc.integer({ min: 1, max: 24 * 40 }) }),
  fc.record({ kind: fc.constant("sell" as const), client: fc.nat(2), units: fc.integer({ min: 1, max: 5 }), transferable: fc.boolean() }),
  fc.record({ kind: fc.constant("book" as const), client: fc.nat(2), slot: fc.nat(60) }),
  fc.record({ kind: fc.constant("book" as const), client: fc.nat(2), slot: fc.nat(3) }),
  fc.record({ kind: fc.constant("cancel" as const), booking: fc.nat(20), byCoach: fc.boolean() }),
  fc.record({ kind: fc.constant("noShow" as const), booking: fc.nat(20) }),
  fc.record({ kind: fc.constant("waive" as const), booking: fc.nat(20) }),
  fc.constant({ kind: "expire" as const }),
  fc.record({ kind: fc.constant("transfer" as const), pack: fc.nat(20), to: fc.nat(2), units: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant("adjust" as const), pack: fc.nat(20), delta: fc.integer({ min: -3, max: 3 }).filter((d) => d !== 0) }),
  fc.record({ kind: fc.constant("void" as const), pack: fc.nat(20) }),
  fc.record({ kind: fc.constant("extend" as const), pack: fc.nat(20), days: fc.integer({ min: 1, max: 60 }) }),
  fc.constant({ kind: "retry" as const }),
);

function apply(world: World, step: Op): void {
  const bookingIds = [...world.bookings.keys()];
  const packIds = [...world.packs.keys()];
  switch (step.kind) {
    case "advance":
      world.now = world.now.plus({ hours: step.hours });
      return;
    case "sell": {
      const template = { ...demoPackTemplate, units: step.units, transferable: step.transferable };
      world.commit(
        decideSale({
          packId: world.nextId("p"),
          clientUid: CLIENTS[step.client]!,
          templateId: "t",
          template,
          currency: "EUR",
          timeZone: demoCoach.timeZone,
          actor: actor(world),
        }),
      );
      return;
    }
    case "book": {
      const client = CLIENTS[step.client]!;
      const busy = [...world.bookings.values()].filter((b) => b.status !== "cancelled").map(claimOf);
      const slots = freeSlots({
        timeZone: demoCoach.timeZone,
        availability: availabilityOf(demoCoach),
        rules: demoCoach.bookingRules,
        durationMinutes: 60,
        from: world.now,
        to: world.now.plus({ days: 14 }),
        now: world.now,
        busy,
      });
      const slot = world.nth(slots, step.slot);
      if (!slot) return;
      const taken = cellsFor(demoCoach, demoOffering, slot.start).filter((c) => world.claims.has(c));
      const bookingId = world.nextId("b");
      const decision = decideBooking({
        bookingId,
        clientUid: client,
        coachId: "coach",
        coach: demoCoach,
        offeringId: "private-60",
        offering: demoOffering,
        start: slot.start,
        now: world.now,
        packs: world.packsOf(client),
        takenCells: taken,
      });
      if (!decision.ok || !decision.value.packChange || !world.commit(decision.value.packChange)) return;
      world.bookings.set(bookingId, decision.value.booking);
      for (const cell of decision.value.booking.cells) world.claims.add(cell);
      return;
    }
    case "cancel": {
      const id = world.nth(bookingIds, step.booking);
      if (id) world.commitResolution(id, decideCancellation({ ...common(world, id, world.bookings.get(id)!), by: step.byCoach ? "coach" : "client" }));
      return;
    }
    case "noShow": {
      const id = world.nth(bookingIds, step.booking);
      if (id) world.commitResolution(id, decideNoShow(common(world, id, world.bookings.get(id)!)));
      return;
    }
    case "waive": {
      const id = world.nth(bookingIds, step.booking);
      if (id) world.commitResolution(id, decideWaiver({ ...common(world, id, world.bookings.get(id)!), reasonId: "weather" }));
      return;
    }
    case "expire":
      for (const [packId, pack] of world.packs) {
        const change = decideExpiry({ packId, pack, timeZone: demoCoach.timeZone, now: world.now });
        if (change) world.commit(change);
      }
      return;
    case "transfer": {
      const packId = world.nth(packIds, step.pack);
      if (!packId) return;
      const requestId = world.nextId("r");
      const result = decideTransfer({
        packId,
        pack: world.packs.get(packId)!,
        units: step.units,
        toClientUid: CLIENTS[step.to]!,
        newPackId: `t-${requestId}`,
        fromName: "A",
        toName: "B",
        requestId,
        actor: actor(world),
      });
      if (result.ok && world.commit(result.value.from)) world.commit(result.value.to);
      return;
    }
    case "adjust":
    case "void":
    case "extend": {
      const packId = world.nth(packIds, step.pack);
      if (!packId) return;
      const pack = world.packs.get(packId)!;
      const requestId = world.nextId("r");
      const base = { packId, pack, requestId, actor: actor(world) };
      const result =
        step.kind === "adjust"
          ? decideAdjustment({ ...base, delta: step.delta, note: "correction" })
          : step.kind === "void"
            ? decideVoid({ ...base, note: null })
            : decideExtension({ ...base, days: step.days, note: "injury", timeZone: demoCoach.timeZone });
      if (result.ok) world.commit(result.value);
      return;
    }
    case "retry":
      // A retried function or duplicated trigger re-applies the last change: it must change nothing.
      if (world.lastChange) expect(world.commit(world.lastChange)).toBe(false);
      return;
  }
}

const CREDITS = new Set(["CANCEL_CREDIT", "COACH_CANCEL_CREDIT", "WAIVER_CREDIT"]);

function checkInvariants(world: World): void {
  for (const [packId, pack] of world.packs) {
    const sum = [...(world.ledgers.get(packId)?.values() ?? [])].reduce((total, e) => total + e.delta, 0);
    expect(pack.remaining, `pack ${packId}`).toBe(sum);
    expect(pack.remaining).toBeGreaterThanOrEqual(0);
  }
  const entries = [...world.ledgers.values()].flatMap((ledger) => [...ledger.values()]);
  for (const [bookingId, booking] of world.bookings) {
    if (booking.payment.method !== "pack") continue;
    const mine = entries.filter((e) => e.bookingId === bookingId);
    expect(mine.filter((e) => e.reason === "BOOKING_DEBIT")).toHaveLength(1);
    expect(mine.filter((e) => CREDITS.has(e.reason)).length).toBeLessThanOrEqual(1);
  }
}

describe("the ledger under any sequence of operations", () => {
  it("keeps remaining = sum(ledger) ≥ 0, one debit and at most one credit per pack-paid booking", () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) => {
        const world = new World();
        for (const step of ops) {
          apply(world, step);
          checkInvariants(world);
        }
      }),
      { numRuns: 300 },
    );
  });
});
