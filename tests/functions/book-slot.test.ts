import { randomUUID } from "node:crypto";
import { Timestamp } from "firebase-admin/firestore";
import { DateTime } from "luxon";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../functions/src/shell/firebase.js";
import { demoCoach } from "../../scripts/demo-data.js";
import { DEMO, RACERS, call, racingClients, callFailing, clientWithPack, count, demoSlots, freshDemo, idTokenFor } from "../support/emulators.js";

const packPath = `coaches/${DEMO.coachId}/packs`;
const bookingsPath = `coaches/${DEMO.coachId}/bookings`;
const lenaLedger = `${packPath}/${DEMO.packId}/ledger`;

let lena: string;
beforeEach(async () => {
  await freshDemo();
  lena = await idTokenFor(DEMO.client.email, DEMO.client.password);
});

const book = (start: string, token: string, requestId = randomUUID()) =>
  call("bookSlot", { requestId, coachId: DEMO.coachId, offeringId: DEMO.offeringId, start, payWith: "pack" }, token);

describe("bookSlot", () => {
  it("confirms the booking, deducts one unit and appends the ledger entry in one go", async () => {
    const [start] = await demoSlots();
    const result = await book(start!, lena);
    expect(result).toMatchObject({ status: "confirmed", start, pack: { id: DEMO.packId, remaining: 9 } });

    const balance = await call("getBalance", { coachId: DEMO.coachId }, lena);
    expect(balance.remaining).toBe(9);
    const ledger = balance.packs[0]!.ledger;
    expect(ledger.map((e) => e.delta).reduce((a, b) => a + b, 0)).toBe(9);
    expect(ledger[0]).toMatchObject({ id: `booking-${result.bookingId}-debit`, delta: -1, reason: "BOOKING_DEBIT" });
    expect(ledger[0]!.sentence).toMatch(/^\u22121 {2}\w{3} \d{1,2} \w{3,4} \d{2}:\d{2} session booked$/);
  });

  it("keeps its cell claims and its week of the busy model until 30 days after the session, then leaves them to the TTL policy", async () => {
    const [start] = await demoSlots();
    const { bookingId } = await book(start!, lena);
    const session = DateTime.fromISO(start!, { zone: "utc" });
    const claims = await db().collection(`coaches/${DEMO.coachId}/slotClaims`).get();
    expect(claims.size).toBeGreaterThan(0);
    for (const claim of claims.docs) {
      expect(claim.get("bookingId")).toBe(bookingId);
      const expireAt = DateTime.fromJSDate((claim.get("expireAt") as Timestamp).toDate(), { zone: "utc" });
      expect(expireAt.diff(session, "days").days).toBeGreaterThanOrEqual(30);
      expect(expireAt.diff(session, "days").days).toBeLessThan(31);
    }
    const weeks = await db().collection(`coaches/${DEMO.coachId}/busyWeeks`).get();
    expect(weeks.size).toBe(1);
    const weekExpiry = DateTime.fromJSDate((weeks.docs[0]!.get("expireAt") as Timestamp).toDate(), { zone: "utc" });
    // Never before the end of the session's week (in the coach's zone) plus 30 days: the current weeks stay.
    expect(weekExpiry >= session.setZone(demoCoach.timeZone).endOf("week").plus({ days: 30 }).startOf("second")).toBe(true);
    expect(weekExpiry.diff(session, "days").days).toBeLessThan(38);
  });

  it("takes the booked slot out of listSlots", async () => {
    const [start] = await demoSlots();
    await book(start!, lena);
    expect(await demoSlots()).not.toContain(start);
  });

  it("returns the same booking when retried with the same requestId (lost response)", async () => {
    const [start] = await demoSlots();
    const requestId = randomUUID();
    const first = await book(start!, lena, requestId);
    const retry = await book(start!, lena, requestId);
    expect(retry).toEqual(first);
    expect(await count(bookingsPath)).toBe(1);
    expect(await count(lenaLedger)).toBe(2); // purchase + one debit
  });

  it("refuses a requestId reused for another slot with REQUEST_ID_REUSED", async () => {
    const [first, second] = await demoSlots();
    const requestId = randomUUID();
    await book(first!, lena, requestId);
    const error = await callFailing("bookSlot", { requestId, coachId: DEMO.coachId, offeringId: DEMO.offeringId, start: second, payWith: "pack" }, lena);
    expect([error.code, error.reason]).toEqual(["already-exists", "REQUEST_ID_REUSED"]);
  });

  it("refuses an anonymous caller with AUTH_REQUIRED", async () => {
    const [start] = await demoSlots();
    const error = await callFailing("bookSlot", { requestId: randomUUID(), coachId: DEMO.coachId, offeringId: DEMO.offeringId, start, payWith: "pack" });
    expect([error.code, error.reason]).toEqual(["unauthenticated", "AUTH_REQUIRED"]);
    expect(await count(bookingsPath)).toBe(0);
  });

  it("refuses bad input with INVALID_INPUT and the issue paths, writing nothing", async () => {
    const error = await callFailing(
      "bookSlot",
      { requestId: "not-a-uuid", coachId: DEMO.coachId, offeringId: DEMO.offeringId, start: "tomorrow", payWith: "cash" },
      lena,
    );
    expect([error.code, error.reason]).toEqual(["invalid-argument", "INVALID_INPUT"]);
    expect(error.details.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "requestId" }),
        expect.objectContaining({ path: "start" }),
        expect.objectContaining({ path: "payWith" }),
      ]),
    );
    expect(await count(bookingsPath)).toBe(0);
  });

  it("refuses a client without units with PACK_BALANCE_INSUFFICIENT and writes nothing", async () => {
    const [start] = await demoSlots();
    const broke = await clientWithPack("broke", 0);
    const error = await callFailing("bookSlot", { requestId: randomUUID(), coachId: DEMO.coachId, offeringId: DEMO.offeringId, start, payWith: "pack" }, broke);
    expect([error.code, error.reason]).toEqual(["failed-precondition", "PACK_BALANCE_INSUFFICIENT"]);
    expect(await count(bookingsPath)).toBe(0);
    expect(await count(`coaches/${DEMO.coachId}/slotClaims`)).toBe(0);
  });

  it("refuses a time the coach does not offer with SLOT_NOT_OFFERED", async () => {
    const [start] = await demoSlots();
    const offGrid = new Date(Date.parse(start!) + 30 * 60_000).toISOString();
    const error = await callFailing(
      "bookSlot",
      { requestId: randomUUID(), coachId: DEMO.coachId, offeringId: DEMO.offeringId, start: offGrid, payWith: "pack" },
      lena,
    );
    expect([error.code, error.reason]).toEqual(["failed-precondition", "SLOT_NOT_OFFERED"]);
  });

  it("refuses an unknown coach with COACH_NOT_FOUND", async () => {
    const [start] = await demoSlots();
    const error = await callFailing("bookSlot", { requestId: randomUUID(), coachId: "nobody", offeringId: DEMO.offeringId, start, payWith: "pack" }, lena);
    expect([error.code, error.reason]).toEqual(["not-found", "COACH_NOT_FOUND"]);
  });

  it("refuses a slot somebody else holds with SLOT_TAKEN", async () => {
    const [start] = await demoSlots();
    await book(start!, lena);
    const other = await clientWithPack("other", 5);
    const error = await callFailing("bookSlot", { requestId: randomUUID(), coachId: DEMO.coachId, offeringId: DEMO.offeringId, start, payWith: "pack" }, other);
    expect([error.code, error.reason]).toEqual(["already-exists", "SLOT_TAKEN"]);
  });

  it(`lets exactly one of ${RACERS} clients with units racing for one slot win, with one deduction`, async () => {
    const [start] = await demoSlots();
    const tokens = await racingClients("racer", 3);
    const outcomes = await Promise.allSettled(tokens.map((token) => book(start!, token)));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(await count(bookingsPath)).toBe(1);
    const balances = [];
    for (const token of tokens) balances.push(await call("getBalance", { coachId: DEMO.coachId }, token));
    expect(balances.map((b) => b.remaining).sort()).toEqual([2, ...Array(RACERS - 1).fill(3)]);
  });
});

describe("listSlots", () => {
  it("lists the demo's weekday slots as UTC instants with the coach's zone", async () => {
    const result = await call("listSlots", { coachId: DEMO.coachId, offeringId: DEMO.offeringId, from: new Date().toISOString(), days: 7 });
    expect(result.timeZone).toBe("Europe/Berlin");
    expect(result.slots.length).toBeGreaterThan(0);
    for (const slot of result.slots) expect(Date.parse(slot.end) - Date.parse(slot.start)).toBe(60 * 60_000);
  });

  it("refuses more than 14 days with INVALID_INPUT", async () => {
    const error = await callFailing("listSlots", { coachId: DEMO.coachId, offeringId: DEMO.offeringId, from: new Date().toISOString(), days: 90 });
    expect([error.code, error.reason]).toEqual(["invalid-argument", "INVALID_INPUT"]);
  });

  it("answers an unknown offering with OFFERING_NOT_FOUND", async () => {
    const error = await callFailing("listSlots", { coachId: DEMO.coachId, offeringId: "nope", from: new Date().toISOString() });
    expect([error.code, error.reason]).toEqual(["not-found", "OFFERING_NOT_FOUND"]);
  });
});

describe("getBalance", () => {
  it("shows a client only their own packs", async () => {
    const other = await clientWithPack("someone", 4);
    const balance = await call("getBalance", { coachId: DEMO.coachId }, other);
    expect(balance.packs.map((p) => p.id)).toEqual(["pack-someone"]);
    expect(balance.remaining).toBe(4);
  });

  it("refuses an anonymous caller", async () => {
    const error = await callFailing("getBalance", { coachId: DEMO.coachId });
    expect(error.reason).toBe("AUTH_REQUIRED");
  });
});
