import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import { beforeEach, describe, expect, it } from "vitest";
import { DEMO, call, callFailing, clientWithPack, count, freshDemoSignedIn } from "../support/emulators.js";
import { demoCoach, demoOffering } from "../../scripts/demo-data.js";

// Weekly series: previewed, booked by the client or by the coach for a
// client, and cancelled from one occurrence on, each by the policy.

const coachId = DEMO.coachId;
const offeringId = DEMO.offeringId;
let lena: string;
let emma: string;

beforeEach(async () => {
  ({ lena, emma } = await freshDemoSignedIn());
});

/** Free slots of the demo offering that start more than `hours` from now. */
async function slotsAfter(hours: number) {
  const { slots } = await call("listSlots", { coachId, offeringId, from: DateTime.utc().plus({ hours }).toISO() ?? "", days: 14 });
  return slots;
}
const weekLater = (start: string, weeks: number) => DateTime.fromISO(start).setZone(demoCoach.timeZone).plus({ weeks }).toUTC().toISO() ?? "";
const remaining = async (token: string) => (await call("getBalance", { coachId, clientUid: DEMO.client.uid }, token)).remaining;

describe("a client's series", () => {
  it("the preview names the week that is taken; booking books the others, each with its own unit, once", async () => {
    const [first] = await slotsAfter(30);
    const secondWeek = weekLater(first!.start, 1);
    await call("bookSlot", { requestId: randomUUID(), coachId, offeringId, start: secondWeek, payWith: "pack" }, await clientWithPack("blocker", 1));
    const request = { coachId, offeringId, firstStart: first!.start, weeks: 4, payWith: "pack" as const };

    const preview = await call("previewSeries", request, lena);
    expect(preview).toEqual({
      status: "confirmed",
      bookable: [first!.start, weekLater(first!.start, 2), weekLater(first!.start, 3)],
      skipped: [{ start: secondWeek, reason: "SLOT_TAKEN" }],
    });
    expect(await count(`coaches/${coachId}/bookings`)).toBe(1);

    const input = { ...request, requestId: randomUUID() };
    const series = await call("bookSeries", input, lena);
    expect(series.booked.map((b) => b.start)).toEqual(preview.bookable);
    expect(series.skipped).toEqual(preview.skipped);
    expect(series.packs[0]!.remaining).toBe(7);
    const retried = await call("bookSeries", input, lena);
    expect(retried.booked.map((b) => b.bookingId)).toEqual(series.booked.map((b) => b.bookingId));
    expect(await remaining(lena)).toBe(7);
  });

  it("too few units: the preview and the booking both say how many are needed, and nothing is booked", async () => {
    const token = await clientWithPack("short", 2);
    const [first] = await slotsAfter(30);
    const request = { coachId, offeringId, firstStart: first!.start, weeks: 4, payWith: "pack" as const };
    for (const [name, input] of [
      ["previewSeries", request],
      ["bookSeries", { ...request, requestId: randomUUID() }],
    ] as const) {
      const error = await callFailing(name, input, token);
      expect([error.code, error.reason, error.details.needed, error.details.available]).toEqual(["failed-precondition", "PACK_BALANCE_INSUFFICIENT", 4, 2]);
    }
    expect(await count(`coaches/${coachId}/bookings`)).toBe(0);
  });

  it("paid on site: every occurrence leaves its own price open and no unit is spent", async () => {
    const [first] = await slotsAfter(30);
    const open = async () => (await call("getClientAccount", { coachId, clientUid: DEMO.client.uid }, emma)).openMinor;
    const openBefore = await open();
    const series = await call("bookSeries", { requestId: randomUUID(), coachId, offeringId, firstStart: first!.start, weeks: 3, payWith: "on_site" }, lena);
    expect(series.booked).toHaveLength(3);
    expect(series.packs).toEqual([]);
    expect((await open()) - openBefore).toBe(3 * (demoOffering.priceMinor + demoOffering.extraFeeMinor));
    expect(await remaining(lena)).toBe(10);
  });
});

describe("the coach's series for a client", () => {
  it("books at any time, confirmed, with the client's units; a client cannot book for somebody else", async () => {
    const late = DateTime.utc().plus({ days: 2 }).setZone(demoCoach.timeZone).set({ hour: 22, minute: 30, second: 0, millisecond: 0 }).toUTC().toISO()!;
    const request = { coachId, offeringId, firstStart: late, weeks: 3, payWith: "pack" as const, clientUid: DEMO.client.uid };
    const outside = await call("previewSeries", request, emma);
    expect(outside.bookable).toEqual([]);
    expect(outside.skipped.map((s) => s.reason)).toEqual(["SLOT_NOT_OFFERED", "SLOT_NOT_OFFERED", "SLOT_NOT_OFFERED"]);
    const preview = await call("previewSeries", { ...request, anyTime: true }, emma);
    expect(preview).toMatchObject({ status: "confirmed", skipped: [] });
    expect(preview.bookable).toHaveLength(3);

    const refused = await callFailing("bookSeries", { ...request, anyTime: true, requestId: randomUUID() }, await clientWithPack("other", 5));
    expect([refused.code, refused.reason]).toEqual(["permission-denied", "NOT_ALLOWED"]);
    expect(await count(`coaches/${coachId}/bookings`)).toBe(0);

    const series = await call("bookSeries", { ...request, anyTime: true, requestId: randomUUID() }, emma);
    expect(series.booked.map((b) => [b.start, b.status])).toEqual(preview.bookable.map((start) => [start, "confirmed"]));
    expect(await remaining(emma)).toBe(7);
  });
});

describe("cancelling the rest of a series", () => {
  /** A 3-week series whose first session is 5 h away (late to cancel), booked by the coach for Lena with her units. */
  async function seriesStartingSoon() {
    const firstStart = DateTime.utc().plus({ hours: 5 }).startOf("hour").toISO()!;
    const input = { requestId: randomUUID(), coachId, offeringId, firstStart, weeks: 3, payWith: "pack" as const, clientUid: DEMO.client.uid, anyTime: true };
    return (await call("bookSeries", input, emma)).booked.map((b) => b.bookingId);
  }

  it("previews each occurrence by the policy and applies exactly that, once", async () => {
    const ids = await seriesStartingSoon();
    expect(await remaining(lena)).toBe(7);
    const preview = await call("previewSeriesCancellation", { coachId, bookingId: ids[0]! }, lena);
    expect(preview.cancellations.map((c) => [c.bookingId, c.outcome, c.delta])).toEqual([
      [ids[0], "counted_as_used", 0],
      [ids[1], "credited", 1],
      [ids[2], "credited", 1],
    ]);
    expect(preview.cancellations[1]!.freeCancellationUntil).not.toBeNull();

    const expectedOutcomes = preview.cancellations.map(({ bookingId, outcome }) => ({ bookingId, outcome }));
    const done = await call("cancelSeries", { coachId, bookingId: ids[0]!, expectedOutcomes }, lena);
    expect(done.cancellations.map((c) => [c.bookingId, c.status, c.outcome])).toEqual(preview.cancellations.map((c) => [c.bookingId, "cancelled", c.outcome]));
    expect(done.cancellations.at(-1)!.pack!.remaining).toBe(9);
    const again = await call("cancelSeries", { coachId, bookingId: ids[0]! }, lena);
    expect(again.cancellations.map((c) => c.outcome)).toEqual(["counted_as_used", "credited", "credited"]);
    expect(await remaining(lena)).toBe(9);
  });

  it("from the second occurrence on leaves the first; an outcome that changed since the preview cancels nothing", async () => {
    const ids = await seriesStartingSoon();
    const changed = await callFailing("cancelSeries", { coachId, bookingId: ids[0]!, expectedOutcomes: [{ bookingId: ids[0]!, outcome: "credited" }] }, lena);
    expect([changed.code, changed.reason, changed.details.outcome]).toEqual(["failed-precondition", "OUTCOME_CHANGED", "counted_as_used"]);
    expect(await remaining(lena)).toBe(7);

    const done = await call("cancelSeries", { coachId, bookingId: ids[1]! }, lena);
    expect(done.cancellations.map((c) => c.bookingId)).toEqual([ids[1], ids[2]]);
    const portal = await call("getClientPortal", {}, lena);
    const upcoming = portal.coaches.find((c) => c.coachId === coachId)!.upcoming.map((b) => b.id);
    expect(upcoming).toContain(ids[0]);
    expect(upcoming).not.toContain(ids[1]);
    expect(await remaining(lena)).toBe(9);
  });

  it("the coach cancels the rest: every occurrence is credited, however soon", async () => {
    const ids = await seriesStartingSoon();
    const done = await call("cancelSeries", { coachId, bookingId: ids[0]! }, emma);
    expect(done.cancellations.map((c) => c.outcome)).toEqual(["credited", "credited", "credited"]);
    expect(await remaining(emma)).toBe(10);
  });
});
