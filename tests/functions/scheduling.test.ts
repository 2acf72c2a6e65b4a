import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import { beforeEach, describe, expect, it } from "vitest";
import { DEMO, RACERS, call, racingClients, callFailing, clientWithPack, count, demoSlots, freshDemoSignedIn, seedPackBooking } from "../support/emulators.js";
import { demoCoach, demoOffering } from "../../scripts/demo-data.js";

const coachId = DEMO.coachId;
let lena: string;
let emma: string;

beforeEach(async () => {
  ({ lena, emma } = await freshDemoSignedIn());
});

const book = (start: string, token: string, offeringId: string = DEMO.offeringId) =>
  call("bookSlot", { requestId: randomUUID(), coachId, offeringId, start, payWith: "pack" }, token);
/** Free slots of the demo offering that start more than `hours` from now, with their Berlin wall-clock time. */
async function slotsAfter(hours: number) {
  const { slots } = await call("listSlots", { coachId, offeringId: DEMO.offeringId, from: DateTime.utc().plus({ hours }).toISO() ?? "", days: 14 });
  return slots;
}
const weeklyHours = { ...demoCoach.weeklyHours };
const availability = (overrides: object) => ({ coachId, weeklyHours, dateOverrides: [], timeOff: [], bookingRules: demoCoach.bookingRules, ...overrides });

describe("coach settings", () => {
  it("time off removes every slot of those days; only the coach may set it", async () => {
    const first = (await demoSlots())[0]!;
    const day = DateTime.fromISO(first).setZone(demoCoach.timeZone).toISODate()!;
    await call("setAvailability", availability({ timeOff: [{ from: day, to: day, label: "tournament" }] }), emma);
    const after = await call("listSlots", { coachId, offeringId: DEMO.offeringId, from: DateTime.utc().toISO()!, days: 14 });
    expect(after.slots.some((s) => s.localDate === day)).toBe(false);
    expect(after.slots.length).toBeGreaterThan(0);
    const denied = await callFailing("setAvailability", availability({}), lena);
    expect([denied.code, denied.reason]).toEqual(["permission-denied", "NOT_ALLOWED"]);
  });

  it("refuses overlapping intervals in a day with INVALID_INPUT", async () => {
    const error = await callFailing(
      "setAvailability",
      availability({
        weeklyHours: {
          mon: [
            { from: "08:00", to: "12:00" },
            { from: "11:00", to: "13:00" },
          ],
        },
      }),
      emma,
    );
    expect([error.code, error.reason]).toEqual(["invalid-argument", "INVALID_INPUT"]);
    expect(JSON.stringify(error.details.issues)).toContain("weeklyHours.mon");
  });

  it("an offering at an unknown location is refused", async () => {
    const error = await callFailing("saveOffering", { coachId, offeringId: "x", offering: { ...demoOffering, locationId: "nowhere" } }, emma);
    expect([error.code, error.reason]).toEqual(["not-found", "LOCATION_NOT_FOUND"]);
  });
});

describe("no double booking", () => {
  it("a 90-minute session cannot overlap a 60-minute one booked an hour later", async () => {
    await call("saveOffering", { coachId, offeringId: "private-90", offering: { ...demoOffering, title: "Long lesson (90 min)", durationMinutes: 90 } }, emma);
    const ten = (await slotsAfter(12)).find((s) => s.localTime === "10:00")!;
    await book(ten.start, lena);
    const nine = DateTime.fromISO(ten.start).minus({ hours: 1 }).toUTC().toISO()!;
    const other = await clientWithPack("other", 3);
    const error = await callFailing("bookSlot", { requestId: randomUUID(), coachId, offeringId: "private-90", start: nine, payWith: "pack" }, other);
    expect([error.code, error.reason]).toEqual(["already-exists", "SLOT_TAKEN"]);
    const { slots } = await call("listSlots", { coachId, offeringId: "private-90", from: DateTime.utc().toISO()!, days: 14 });
    expect(slots.map((s) => s.start)).not.toContain(nine);
  });

  it(`${RACERS} clients racing for one slot: exactly one booking`, async () => {
    const [start] = await demoSlots();
    const tokens = await racingClients("racer", 1);
    const outcomes = await Promise.allSettled(tokens.map((token) => book(start!, token)));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    // Every loser is refused: the slot is taken, or (under this much contention) asked to try again.
    const reasons = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason.reason] : []));
    expect(reasons).toHaveLength(RACERS - 1);
    expect(reasons.filter((r) => r !== "SLOT_TAKEN" && r !== "CONTENDED")).toEqual([]);
    expect(await count(`coaches/${coachId}/bookings`)).toBe(1);
  });

  it(`${RACERS} clients on ${RACERS} different slots of the same coach: ${RACERS} bookings, no false conflict`, async () => {
    const slots = await demoSlots();
    const tokens = await racingClients("p", 1);
    const results = await Promise.all(tokens.map((token, i) => book(slots[i]!, token)));
    expect(results.every((r) => r.status === "confirmed")).toBe(true);
    expect(await count(`coaches/${coachId}/bookings`)).toBe(RACERS);
    const left = await demoSlots();
    expect(left.filter((s) => slots.slice(0, RACERS).includes(s))).toEqual([]);
  });
});

describe("coach confirmation", () => {
  beforeEach(async () => {
    await call("setAvailability", availability({ bookingRules: { ...demoCoach.bookingRules, confirmation: "coach" } }), emma);
  });

  it("a request holds the slot and spends the unit only when the coach confirms", async () => {
    const [start] = await demoSlots();
    const requested = await book(start!, lena);
    expect(requested).toMatchObject({ status: "requested", pack: null });
    expect((await call("getBalance", { coachId }, lena)).remaining).toBe(10);
    expect(await demoSlots()).not.toContain(start);

    const denied = await callFailing("confirmBooking", { coachId, bookingId: requested.bookingId }, lena);
    expect(denied.reason).toBe("NOT_ALLOWED");
    const confirmed = await call("confirmBooking", { coachId, bookingId: requested.bookingId }, emma);
    expect(confirmed).toMatchObject({ status: "confirmed", pack: { id: DEMO.packId, remaining: 9 } });
    expect(await call("confirmBooking", { coachId, bookingId: requested.bookingId }, emma)).toEqual(confirmed);
  });

  it("the coach declines a request: the slot is free again and no unit moved", async () => {
    const [start] = await demoSlots();
    const requested = await book(start!, lena);
    const declined = await call("cancelBooking", { coachId, bookingId: requested.bookingId }, emma);
    expect(declined).toMatchObject({ outcome: "released", delta: 0, sentence: "0  request declined by coach" });
    expect(await demoSlots()).toContain(start);
    expect((await call("getBalance", { coachId }, lena)).packs[0]!.ledger).toHaveLength(1);
  });
});

describe("reschedule", () => {
  it("moves a booking atomically without spending or losing a unit", async () => {
    const [from, to] = await slotsAfter(30);
    const booked = await book(from!.start, lena);
    const moved = await call("rescheduleBooking", { requestId: randomUUID(), coachId, bookingId: booked.bookingId, newStart: to!.start }, lena);
    expect(moved).toMatchObject({ start: to!.start, pack: { remaining: 9 } });
    const free = await demoSlots();
    expect(free).toContain(from!.start);
    expect(free).not.toContain(to!.start);
    const ledger = (await call("getBalance", { coachId }, lena)).packs[0]!.ledger;
    expect(ledger.map((e) => e.delta)).toEqual([0, -1, 10]);
    expect(ledger[0]!.sentence).toMatch(/^0 {2}moved from .* to .*: same unit$/);
  });

  it("a client may not move a session inside the window; the coach may", async () => {
    await seedPackBooking({ bookingId: "soon", clientUid: DEMO.client.uid, packId: DEMO.packId, start: DateTime.utc().plus({ hours: 5 }).startOf("hour") });
    const [later] = await slotsAfter(30);
    const error = await callFailing("rescheduleBooking", { requestId: randomUUID(), coachId, bookingId: "soon", newStart: later!.start }, lena);
    expect([error.code, error.reason, error.details.windowHours]).toEqual(["failed-precondition", "RESCHEDULE_TOO_LATE", 24]);
    expect((await call("rescheduleBooking", { requestId: randomUUID(), coachId, bookingId: "soon", newStart: later!.start }, emma)).start).toBe(later!.start);
  });

  it("refuses a new time that another booking holds", async () => {
    const [a, b] = await slotsAfter(30);
    const mine = await book(a!.start, lena);
    await book(b!.start, await clientWithPack("other", 1));
    const error = await callFailing("rescheduleBooking", { requestId: randomUUID(), coachId, bookingId: mine.bookingId, newStart: b!.start }, lena);
    expect(error.reason).toBe("SLOT_TAKEN");
  });
});
