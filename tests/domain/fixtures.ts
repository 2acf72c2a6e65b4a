// Shared builders for domain tests: fixed instants, the demo coach, packs and bookings.
import { DateTime } from "luxon";
import type { Booking } from "../../functions/src/domain/booking.js";
import { CancellationPolicy } from "../../functions/src/domain/coach.js";
import { type Pack, type WithId } from "../../functions/src/domain/packs.js";
import { newPack } from "../../functions/src/domain/pack-sales.js";
import { openSummary, type PaymentRecord } from "../../functions/src/domain/payments.js";
import { demoPackTemplate } from "../../scripts/demo-data.js";

/** A UTC instant from ISO text. */
export const utc = (iso: string) => DateTime.fromISO(iso, { zone: "utc" });

/** The coach's zone in every domain test. */
export const ZONE = "Europe/Berlin";

/** The seed's default policy: 24 h window, late counts as used. */
export const POLICY = CancellationPolicy.parse({});

/** A 10-unit pack bought at `now` (6 months), with overrides. */
export function pack(id: string, now: DateTime, overrides: Partial<Pack> = {}): WithId<Pack> {
  const data = newPack({ clientUid: "client-1", templateId: "ten", template: demoPackTemplate, currency: "EUR", timeZone: ZONE, now });
  return { id, data: { ...data, ...overrides } };
}

/** A confirmed 60-minute booking at `start`, paid by `packId` (or singly when null). */
export function booking(start: DateTime, packId: string | null, overrides: Partial<Booking> = {}): Booking {
  return {
    coachId: "coach-1",
    clientUid: "client-1",
    offeringId: "private-60",
    startsAt: start,
    endsAt: start.plus({ hours: 1 }),
    cells: [],
    status: "confirmed",
    payment: packId ? { method: "pack", packId } : { method: "single", ...openSummary(6500, "EUR") },
    seriesId: null,
    createdAt: start.minus({ days: 7 }),
    resolution: null,
    checkout: null,
    note: "",
    inviteSequence: 0,
    movedFrom: null,
    ...overrides,
  };
}

/** A cash payment (or refund) of client-1 recorded by the coach at `at`. */
export function cashRecord(kind: PaymentRecord["kind"], amountMinor: number, target: PaymentRecord["target"], at: DateTime): PaymentRecord {
  return {
    target,
    clientUid: "client-1",
    kind,
    method: "cash",
    wallet: null,
    amountMinor,
    currency: "EUR",
    reference: "",
    source: "manual",
    actorUid: "coach-uid",
    at,
  };
}
