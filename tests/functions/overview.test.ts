// The Overview tab's backend (issue 20): the read model the overviewOn*
// triggers keep equals a recomputation from the records after real flows
// through the callables; getOverview answers the tab's figures; exportMonth
// the month's CSV; coaches only.
import { randomUUID } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { Timestamp } from "firebase-admin/firestore";
import { DateTime } from "luxon";
import { beforeEach, describe, expect, it } from "vitest";
import type { Api } from "../../functions/src/api/index.js";
import {
  OverviewCurrentDoc,
  OverviewYearDoc,
  countersOf,
  monthKey,
  openTargetId,
  openTargetOf,
  overviewFromDocs,
  overviewHistory,
  recomputeOverview,
  weekKey,
} from "../../functions/src/domain/overview.js";
import { availabilityOf } from "../../functions/src/domain/coach.js";
import { parseDoc } from "../../functions/src/shell/firestore/converter.js";
import { bookingsCol, packsCol, paymentsCol } from "../../functions/src/shell/firestore/refs.js";
import { applyOverviewChange, overviewChange, rebuildOverview, refreshClientActivity } from "../../functions/src/shell/overview/changes.js";
import { clientActivityCol, openTargetsCol, overviewCol } from "../../functions/src/shell/overview/refs.js";
import { demoCoach } from "../../scripts/demo-data.js";
import { inHours, otherCoach, pastSession, waitFor } from "../support/coach-app.js";
import { DEMO, call, callFailing, clientWithPack, demoSlots, freshDemoSignedIn, seedPackBooking } from "../support/emulators.js";

const coachId = DEMO.coachId;
const zone = demoCoach.timeZone;
let lena: string;
let emma: string;

beforeEach(async () => {
  ({ lena, emma } = await freshDemoSignedIn());
});

/** The read model as the triggers left it: every year document and the totals. */
async function stored() {
  const docs = await overviewCol(coachId).get();
  const years = docs.docs.filter((doc) => /^\d{4}$/.test(doc.id)).map((doc) => parseDoc(OverviewYearDoc, doc.data()));
  const current = docs.docs.find((doc) => doc.id === "current");
  return overviewFromDocs(years, current ? parseDoc(OverviewCurrentDoc, current.data()) : undefined);
}

/** The read model recomputed from every booking, payment and pack of the coach. */
async function recomputed() {
  const [bookings, payments, packs] = await Promise.all([bookingsCol(coachId).get(), paymentsCol(coachId).get(), packsCol(coachId).get()]);
  return recomputeOverview({
    bookings: bookings.docs.map((doc) => doc.data()),
    payments: payments.docs.map((doc) => doc.data()),
    packs: packs.docs.map((doc) => doc.data()),
    timeZone: zone,
  });
}

/** The open targets as the triggers keep them, and as the records say: id → what is open. */
async function openEntries() {
  const [kept, bookings, packs] = await Promise.all([openTargetsCol(coachId).get(), bookingsCol(coachId).get(), packsCol(coachId).get()]);
  const wanted = [
    ...bookings.docs.map((doc) => openTargetOf(doc.id, { kind: "booking", data: doc.data() })),
    ...packs.docs.map((doc) => openTargetOf(doc.id, { kind: "pack", data: doc.data() })),
  ].flatMap((entry) => (entry ? [[openTargetId(entry.target), entry.openMinor] as const] : []));
  return { kept: Object.fromEntries(kept.docs.map((doc) => [doc.id, doc.data().openMinor])), wanted: Object.fromEntries(wanted) };
}

/** Waits until the triggers' read model and open targets equal the recomputation (every change counted) and stay so for a second. */
async function settled() {
  const same = async () => {
    const open = await openEntries();
    return isDeepStrictEqual(open.kept, open.wanted) && isDeepStrictEqual(countersOf(await stored()), countersOf(await recomputed()));
  };
  for (let quiet = 0, tries = 0; quiet < 3; tries += 1) {
    if (tries > 150) throw new Error(`the overview did not settle: ${JSON.stringify(countersOf(await stored()))}`);
    await new Promise((resolve) => setTimeout(resolve, 400));
    quiet = (await same()) ? quiet + 1 : 0;
  }
  return stored();
}

const pay = (
  target: { type: "pack" | "booking"; id: string },
  method: "cash" | "bank_transfer",
  amountMinor: number,
  kind: "recordPayment" | "recordRefund" = "recordPayment",
) => call(kind, { requestId: randomUUID(), coachId, target, method, amountMinor }, emma);

/** A free match-play slot (the coach confirms those): a request. */
async function matchPlaySlot(): Promise<string> {
  const from = DateTime.utc()
    .plus({ hours: demoCoach.cancellationPolicy.windowHours + 2 })
    .toISO()!;
  const { slots } = await call("listSlots", { coachId, offeringId: DEMO.matchPlayId, from, days: 14 }, lena);
  return slots.at(-1)!.start;
}

const sum = <T>(items: T[], of: (item: T) => number) => items.reduce((total, item) => total + of(item), 0);

describe("getOverview after real flows", () => {
  it("the triggers' read model equals a recomputation, and the tab's figures follow the sessions, money, packs, requests and clients", async () => {
    // Lena (demo, 10 units, €580 open): a completed session, a no-show, a late cancellation, a late one waived, one on site, one ahead, a request.
    const doneAt = await pastSession("done", 50);
    await pastSession("missed", 26);
    const lateAt = inHours(5);
    const waivedAt = inHours(6);
    await seedPackBooking({ bookingId: "late", clientUid: DEMO.client.uid, packId: DEMO.packId, start: lateAt });
    await seedPackBooking({ bookingId: "waived", clientUid: DEMO.client.uid, packId: DEMO.packId, start: waivedAt });
    await call("completeBooking", { coachId, bookingId: "done" }, emma);
    await call("markNoShow", { coachId, bookingId: "missed" }, emma);
    await call("cancelBooking", { coachId, bookingId: "late" }, lena);
    await call("cancelBooking", { coachId, bookingId: "waived" }, lena);
    await call("waiveCharge", { coachId, bookingId: "waived", reasonId: "weather" }, emma);
    const [first, second] = await demoSlots();
    const book = (start: string, payWith: "pack" | "on_site", offeringId: string = DEMO.offeringId) =>
      call("bookSlot", { requestId: randomUUID(), coachId, offeringId, start, payWith }, lena);
    const onSite = await book(first!, "on_site");
    await book(second!, "pack");
    const request = await book(await matchPlaySlot(), "pack", DEMO.matchPlayId);
    expect(request.status).toBe("requested");
    // Money: €200 cash on the pack, €10 of it back, the on-site session paid by bank transfer.
    await pay({ type: "pack", id: DEMO.packId }, "cash", 20000);
    await pay({ type: "pack", id: DEMO.packId }, "cash", 1000, "recordRefund");
    await pay({ type: "booking", id: onSite.bookingId }, "bank_transfer", 6500);
    // Max: a 3-unit pack ending in 10 days, and one session 90 days ago (lapsed); Mia: a pack sold by e-mail.
    await clientWithPack("uid-max", 3);
    await seedPackBooking({ bookingId: "long-ago", clientUid: "uid-max", packId: "pack-uid-max", start: inHours(-24 * 90) });
    await packsCol(coachId)
      .doc("pack-uid-max")
      .update({ expiresAt: Timestamp.fromMillis(DateTime.utc().plus({ days: 10 }).toMillis()) });
    await call("sellPack", { requestId: randomUUID(), coachId, templateId: DEMO.packTemplateId, client: { email: "mia@example.com", name: "Mia Wolf" } }, emma);

    const overview = await settled();
    const activity = await waitFor(
      async () => (await clientActivityCol(coachId).get()).docs.map((doc) => doc.id).sort(),
      (ids) => ids.join() === `${DEMO.client.uid},uid-max`,
      "client activity",
    );
    expect(activity).toEqual([DEMO.client.uid, "uid-max"]);
    // The late cancellation and the waived one, in their weeks (this week or the next, by the clock).
    expect(overview.weeks[weekKey(lateAt, zone)]).toMatchObject({ cancelledLate: 1 });
    expect(overview.weeks[weekKey(waivedAt, zone)]).toMatchObject({ cancelledInTime: 1 });
    expect(overview.weeks[weekKey(doneAt, zone)]).toMatchObject({ completed: 1 });

    const tab = await call("getOverview", { coachId }, emma);
    expect(tab).toMatchObject({ currency: "EUR", timeZone: zone });
    // The tab's history is the recomputation's, at the time of the call.
    const history = overviewHistory({ overview: await recomputed(), now: DateTime.fromISO(tab.asOf), timeZone: zone, availability: availabilityOf(demoCoach) });
    expect(tab.revenue).toEqual({ months: history.months, netMinor: history.netMinor12 });
    expect(tab.sessions).toEqual({ weeks: history.weeks, rates: history.rates });
    expect(tab.thisWeek).toEqual(history.thisWeek);

    // Money (the 12 months shown hold today, whichever month it is): €265 in, €10 back.
    expect(tab.revenue.netMinor).toBe(25500);
    expect(sum(tab.revenue.months, (m) => m.byMethod.cash.netMinor)).toBe(19000);
    expect(sum(tab.revenue.months, (m) => m.byMethod.bank_transfer.paidMinor)).toBe(6500);
    expect(sum(tab.revenue.months, (m) => m.packsSold)).toBe(3);
    expect(sum(tab.revenue.months, (m) => m.packSalesMinor)).toBe(3 * 58000);
    // Sessions in the weeks shown: the completed one and the no-show lie in the past 50 hours.
    expect(sum(tab.sessions.weeks, (w) => w.completed)).toBe(1);
    expect(sum(tab.sessions.weeks, (w) => w.noShows)).toBe(1);
    // Demo hours: Mon–Fri 08–12 and 14–20, 10 h a day.
    expect(tab.thisWeek.offeredMinutes).toBe(5 * 600);

    // Who owes what, oldest first: Lena's pack (€380 of €580), then Max's and Mia's (€580 each); the on-site session is paid.
    expect(tab.openPayments).toMatchObject({ totalMinor: 38000 + 2 * 58000, targets: 3, more: false });
    expect(tab.openPayments.items.map((i) => [i.target.id, i.clientName, i.openMinor])).toEqual([
      [DEMO.packId, DEMO.client.name, 38000],
      ["pack-uid-max", "uid-max", 58000],
      [expect.stringMatching(/^pack-/), "Mia Wolf", 58000],
    ]);
    // Prepaid: Lena 10 − done − no-show − late − the one ahead = 6 (the waived one came back, the request spends none yet),
    // Max 3 − 1 = 2 at €580 / 3, Mia 10.
    expect(tab.prepaid).toMatchObject({ units: 6 + 2 + 10, valueMinor: 6 * 5800 + Math.round((2 * 58000) / 3) + 58000, packs: 3 });
    expect(tab.prepaid.expiring).toMatchObject({ withinDays: 30, units: 2, more: false });
    expect(tab.prepaid.expiring.items.map((p) => [p.packId, p.clientName, p.remaining, p.valueMinor])).toEqual([
      ["pack-uid-max", "uid-max", 2, Math.round((2 * 58000) / 3)],
    ]);
    expect(tab.requests).toMatchObject({ count: 1, more: false });
    expect(tab.requests.items.map((r) => [r.bookingId, r.clientName, r.offeringTitle])).toEqual([[request.bookingId, DEMO.client.name, "Match play (90 min)"]]);
    // Lena: sessions in the last 60 days and ahead, the first 50 h ago (new); Max: one 90 days ago (lapsed); Mia: none yet.
    expect(tab.clients).toEqual({ active: 1, new: 1, lapsed: 1, activeDays: 60, newDays: 30 });
  });

  it("a change delivered twice counts once; a recomputation gives the same documents, and a change it read is not counted again", async () => {
    await pay({ type: "pack", id: DEMO.packId }, "cash", 5000);
    const before = countersOf(await settled());
    const record = (await paymentsCol(coachId).withConverter(null).get()).docs[0]!;
    // The payment's creation once more, as a trigger delivered again under a new event id, then under the same one.
    const change = overviewChange("payment", { id: "evt-replayed", time: "" }, undefined, record);
    expect(await applyOverviewChange(coachId, change, DateTime.utc())).toBe("applied");
    expect(await applyOverviewChange(coachId, change, DateTime.utc())).toBe("duplicate");
    const month = `months.${monthKey(DateTime.fromMillis((record.get("at") as Timestamp).toMillis()), zone)}.payments.cash`;
    expect(countersOf(await stored())[month]).toBe(10000);

    // The recomputation repairs it: the documents equal the records again.
    await rebuildOverview(coachId);
    expect(countersOf(await stored())).toEqual(before);
    const older = { ...change, eventId: "evt-read-by-rebuild" };
    expect(await applyOverviewChange(coachId, older, DateTime.utc())).toBe("counted");
    expect(countersOf(await stored())).toEqual(before);
  });
});

describe("clients active, new and lapsed", () => {
  it("a client whose only session was cancelled counts nowhere; an erased client's record goes", async () => {
    await clientWithPack("uid-max", 2);
    await seedPackBooking({ bookingId: "max-next", clientUid: "uid-max", packId: "pack-uid-max", start: inHours(30) });
    const counts = async () => (await call("getOverview", { coachId }, emma)).clients;
    expect(await waitFor(counts, (c) => c.active === 1, "Max active")).toMatchObject({ active: 1, new: 1, lapsed: 0 });

    await call("cancelBooking", { coachId, bookingId: "max-next" }, emma);
    expect(await waitFor(counts, (c) => c.active === 0, "Max without a session")).toMatchObject({ active: 0, new: 0, lapsed: 0 });
    const record = async () => (await clientActivityCol(coachId).doc("uid-max").get()).data();
    expect(await record()).toMatchObject({ firstSessionAt: null, lastSessionAt: null });

    // Settled (paid, voided), then erased: the record goes, and later changes never bring it back.
    await pay({ type: "pack", id: "pack-uid-max" }, "cash", 58000);
    await call("voidPack", { requestId: randomUUID(), coachId, packId: "pack-uid-max", note: "leaves" }, emma);
    await call("deleteClient", { coachId, clientUid: "uid-max" }, emma);
    await waitFor(record, (r) => r === undefined, "Max's activity record removed");
    expect(await refreshClientActivity(coachId, "uid-max", undefined)).toBe("erased");
    expect(await record()).toBeUndefined();
  });
});

describe("who may open it", () => {
  it("a client, another coach and nobody are refused; an unknown coach is not found; a bad month is invalid", async () => {
    const otto = await otherCoach();
    for (const name of ["getOverview", "exportMonth"] as const) {
      const input = { coachId, month: "2026-11" };
      const byClient = await callFailing(name, input, lena);
      expect([byClient.code, byClient.reason]).toEqual(["permission-denied", "NOT_ALLOWED"]);
      const byOtherCoach = await callFailing(name, input, otto);
      expect([byOtherCoach.code, byOtherCoach.reason]).toEqual(["permission-denied", "NOT_ALLOWED"]);
      const anonymous = await callFailing(name, input);
      expect([anonymous.code, anonymous.reason]).toEqual(["unauthenticated", "AUTH_REQUIRED"]);
      const unknown = await callFailing(name, { ...input, coachId: "coach-nobody" }, emma);
      expect([unknown.code, unknown.reason]).toEqual(["not-found", "COACH_NOT_FOUND"]);
    }
    const badMonth = await callFailing("exportMonth", { coachId, month: "2026-13" }, emma);
    expect([badMonth.code, badMonth.reason]).toEqual(["invalid-argument", "INVALID_INPUT"]);
  });
});

describe("exportMonth", () => {
  it("the month's sessions and payments as RFC 4180 CSV with a BOM; other months' rows are not in it", async () => {
    const doneAt = await pastSession("done", 30);
    await call("completeBooking", { coachId, bookingId: "done" }, emma);
    await pay({ type: "pack", id: DEMO.packId }, "cash", 12345);
    const record = (await paymentsCol(coachId).get()).docs[0]!;
    const [ahead] = await demoSlots();
    await call("bookSlot", { requestId: randomUUID(), coachId, offeringId: DEMO.offeringId, start: ahead!, payWith: "pack" }, lena);
    // A session long before: in no month exported here.
    await seedPackBooking({ bookingId: "long-ago", clientUid: DEMO.client.uid, packId: DEMO.packId, start: inHours(-24 * 100) });

    const rowsOf = (result: Api["exportMonth"]["result"]) => result.csv.slice(1).split("\r\n").slice(1, -1);
    const sessionMonth = monthKey(doneAt, zone);
    const sessions = await call("exportMonth", { coachId, month: sessionMonth }, emma);
    expect(sessions.csv.startsWith("\uFEFFtype,date,time,client,item,status,outcome,minutes,method,amount,currency,reference,id\r\n")).toBe(true);
    expect(sessions.csv.endsWith("\r\n")).toBe(true);
    expect(sessions.filename).toBe(`solocoach-${DEMO.slug}-${sessionMonth}.csv`);
    const local = doneAt.setZone(zone);
    expect(rowsOf(sessions)).toContain(
      `session,${local.toISODate()},${local.toFormat("HH:mm")},${DEMO.client.name},Private lesson (60 min),completed,,60,pack,,EUR,,done`,
    );
    expect(rowsOf(sessions).some((row) => row.endsWith(",long-ago"))).toBe(false);

    const paidAt = record.data().at.setZone(zone);
    const money = await call("exportMonth", { coachId, month: monthKey(paidAt, zone) }, emma);
    expect(rowsOf(money)).toContain(
      `payment,${paidAt.toISODate()},${paidAt.toFormat("HH:mm")},${DEMO.client.name},10-session pack,,,,cash,123.45,EUR,,${record.id}`,
    );
    expect(money).toMatchObject({ truncated: false });
    expect(money.payments).toBe(1);
    expect(rowsOf(money)).toHaveLength(money.sessions + money.payments);
  });
});
