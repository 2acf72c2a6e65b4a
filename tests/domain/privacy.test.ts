import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { decideProfile, Profile } from "../../functions/src/domain/coach.js";
import { entry } from "../../functions/src/domain/packs.js";
import type { PaymentRecord } from "../../functions/src/domain/payments.js";
import { InvoiceSettings, decideMoneyDocument } from "../../functions/src/domain/invoices.js";
import { decideErasure, toJson } from "../../functions/src/domain/privacy.js";
import { demoCoach } from "../../scripts/demo-data.js";
import { booking, pack, utc, ZONE } from "./fixtures.js";

const NOW = utc("2026-11-18T08:00:00Z");
const PSEUDONYM = "erased-0123456789abcdef";

const paid = { amountDueMinor: 58000, currency: "EUR", paidMinor: 58000, refundedMinor: 0, state: "paid" as const };
const usedUp = pack("p1", utc("2026-03-01T10:00:00Z"), { remaining: 0, payment: paid });
const record = (at: DateTime): PaymentRecord => ({
  target: { type: "pack", id: "p1" },
  clientUid: "client-1",
  kind: "payment",
  method: "bank_transfer",
  wallet: null,
  amountMinor: 58000,
  currency: "EUR",
  reference: "",
  source: "manual",
  actorUid: "coach-uid",
  at,
});
/** The receipt of that payment, as issued to Lena. */
const receipt = decideMoneyDocument(
  {
    settings: InvoiceSettings.parse({ legalName: "Emma Weber", address: "Lindenstraße 5\n10969 Berlin", taxNumber: "21/815/08150", vatMode: "regular" }),
    tradingName: "Emma Weber",
    language: "en",
    currency: "EUR",
    timeZone: ZONE,
    buyer: { name: "Lena Fischer", address: "Am Park 1\n10115 Berlin" },
    clientUid: "lena",
    target: { type: "pack", id: "p1" },
    service: { description: "10-session pack", quantity: 1, serviceFrom: "2026-03-02", serviceTo: null, rate: 19 },
    now: utc("2026-03-02T10:00:00Z"),
  },
  { number: "RE-2026-0001", sequence: 1 },
  "manual-1",
  { kind: "payment", method: "cash", wallet: null, amountMinor: 58000, at: utc("2026-03-02T10:00:00Z"), reference: "" },
  { amountDueMinor: 58000, paidMinor: 58000 },
  null,
);
const erase = (over: Partial<Parameters<typeof decideErasure>[0]> = {}) =>
  decideErasure({
    bookings: [{ id: "b1", data: booking(utc("2026-10-01T16:00:00Z"), "p1", { status: "completed", note: "bad knee, please go easy" }) }],
    packs: [usedUp],
    payments: [{ id: "manual-1", data: record(utc("2026-03-02T10:00:00Z")) }],
    documents: [{ id: "receipt-manual-1", data: receipt }],
    ledger: [
      entry("pack-p1-purchased", { delta: 10, reason: "PACK_PURCHASED", sentence: "+10  bought" }, { uid: "coach-uid", now: utc("2026-03-01T10:00:00Z") }).data,
    ],
    pseudonym: PSEUDONYM,
    timeZone: ZONE,
    now: NOW,
    ...over,
  });

describe("erasing a client", () => {
  it("is refused while sessions are upcoming, money is open or units are unused, with the counts", () => {
    const upcoming = { id: "b2", data: booking(NOW.plus({ days: 2 }), "p1") };
    const owing = pack("p2", NOW.minus({ days: 10 }), { remaining: 3 });
    expect(erase({ bookings: [upcoming], packs: [usedUp, owing] })).toEqual({
      ok: false,
      error: { code: "CLIENT_HAS_OPEN_BUSINESS", upcomingBookings: 1, openMinor: 58000, remainingUnits: 3 },
    });
  });

  it("a session that has started, or units of a pack past its expiry, do not hold it up", () => {
    const started = { id: "b3", data: booking(NOW.minus({ minutes: 30 }), "p1") };
    const lapsed = pack("p3", utc("2025-01-01T10:00:00Z"), { remaining: 4, payment: paid });
    expect(erase({ bookings: [started], packs: [usedUp, lapsed] }).ok).toBe(true);
  });

  it("keeps bookings, packs, payments and documents under the pseudonym, ledger entries and documents' contents unchanged, and says why", () => {
    const plan = erase();
    if (!plan.ok) throw new Error(plan.error.code);
    expect([...plan.value.bookings, ...plan.value.packs, ...plan.value.payments, ...plan.value.documents].map((r) => r.data.clientUid)).toEqual([
      PSEUDONYM,
      PSEUDONYM,
      PSEUDONYM,
      PSEUDONYM,
    ]);
    expect(plan.value.documents[0]?.data).toEqual({ ...receipt, clientUid: PSEUDONYM });
    expect(plan.value.bookings[0]?.data.note).toBe("");
    expect(plan.value.kept.map((k) => [k.records, k.count])).toEqual([
      ["bookings", 1],
      ["packs", 1],
      ["ledger", 1],
      ["payments", 1],
      ["invoices", 1],
    ]);
    expect(plan.value.kept.every((k) => k.why.length > 20)).toBe(true);
    expect(plan.value.kept.find((k) => k.records === "payments")?.why).toContain("§147");
  });

  it("keeps them until the end of the tenth year after the year of the latest record", () => {
    const plan = erase();
    expect(plan.ok && plan.value.retainUntil).toBe("2036-12-31");
  });

  it("a record of New Year's Eve 23:30 in Berlin (22:30 UTC) counts to that year, not the next", () => {
    const plan = erase({
      bookings: [],
      packs: [],
      ledger: [],
      payments: [{ id: "m", data: record(utc("2026-12-31T22:30:00Z")) }],
      documents: [],
      now: utc("2027-01-05T10:00:00Z"),
    });
    expect(plan.ok && plan.value.retainUntil).toBe("2036-12-31");
  });

  it("nothing to keep: no retention date", () => {
    const plan = erase({ bookings: [], packs: [], payments: [], documents: [], ledger: [] });
    expect(plan.ok && [plan.value.kept, plan.value.retainUntil]).toEqual([[], null]);
  });
});

describe("export", () => {
  it("turns instants into ISO strings in UTC and drops undefined fields", () => {
    expect(toJson({ at: DateTime.fromISO("2026-11-18T09:00:00", { zone: ZONE }), list: [1, "a", null], gone: undefined, nested: { ok: true } })).toEqual({
      at: "2026-11-18T08:00:00.000Z",
      list: [1, "a", null],
      nested: { ok: true },
    });
  });
});

describe("profile", () => {
  const profile = Profile.parse({
    name: "Emma Weber",
    discipline: "Tennis",
    locale: "de",
    locations: [
      { id: "court-3", name: "Court 3" },
      { id: "hall", name: "Halle" },
    ],
  });
  it("replaces name, bio, photo, discipline, locations and language; slug, zone and currency stay", () => {
    const saved = decideProfile({ coach: demoCoach, profile, offerings: [{ id: "private-60", data: { locationId: "court-3" } }] });
    if (!saved.ok) throw new Error(saved.error.code);
    expect(saved.value).toMatchObject({
      name: "Emma Weber",
      locale: "de",
      slug: demoCoach.slug,
      timeZone: demoCoach.timeZone,
      currency: demoCoach.currency,
      bio: "",
      photoUrl: "",
    });
    expect(saved.value.locations.map((l) => l.id)).toEqual(["court-3", "hall"]);
  });
  it("refuses to drop a location a session type takes place at, naming it and its offerings", () => {
    const offerings = [
      { id: "match-90", data: { locationId: "court-3" } },
      { id: "private-60", data: { locationId: "court-3" } },
    ];
    expect(decideProfile({ coach: demoCoach, profile: { ...profile, locations: [{ id: "hall", name: "Halle", address: "" }] }, offerings })).toEqual({
      ok: false,
      error: { code: "LOCATION_IN_USE", locationId: "court-3", offeringIds: ["match-90", "private-60"] },
    });
  });
  it("input rules: https photos only, unique location ids, a name", () => {
    expect(Profile.safeParse({ ...profile, photoUrl: "http://example.com/me.jpg" }).success).toBe(false);
    expect(Profile.safeParse({ ...profile, photoUrl: "https://example.com/me.jpg" }).success).toBe(true);
    expect(
      Profile.safeParse({
        ...profile,
        locations: [
          { id: "a", name: "A" },
          { id: "a", name: "B" },
        ],
      }).success,
    ).toBe(false);
    expect(Profile.safeParse({ ...profile, name: "  " }).success).toBe(false);
  });
});
