// What opening the Overview tab costs (issue 20): Firestore reads of one
// getOverview at 10 and at 1,000 sessions of history (the same clients,
// packs, open payments and requests now; only the past differs), then with
// every list of the tab full; and what one change costs the triggers and one
// month's export. Reads and writes are metered in this process
// (scripts/lib/firestore-meter.ts); the history is written directly and the
// read model built by rebuildOverview (no triggers needed).
//
// Runs against a running Firestore emulator (FIRESTORE_EMULATOR_HOST):
//   npx firebase emulators:exec --project demo-solocoach --only firestore "npx tsx scripts/bench-overview.ts"
// or from scripts/bench.ts: `await overviewReads(report);` (it writes coaches bench-overview-*, nothing else).
import { pathToFileURL } from "node:url";
import { DateTime } from "luxon";
import type { CallableRequest } from "firebase-functions/v2/https";
import type { Booking } from "../functions/src/domain/booking.js";
import type { Coach } from "../functions/src/domain/coach.js";
import { namedRecord } from "../functions/src/domain/clients.js";
import { newPack } from "../functions/src/domain/pack-sales.js";
import type { PaymentRecord } from "../functions/src/domain/payments.js";
import { db } from "../functions/src/shell/firebase.js";
import { bookingsCol, clientsCol, coachRef, offeringsCol, packsCol, paymentsCol } from "../functions/src/shell/firestore/refs.js";
import { applyOverviewChange, overviewChange, rebuildOverview } from "../functions/src/shell/overview/changes.js";
import { exportMonth } from "../functions/src/callables/export-month.js";
import { getOverview } from "../functions/src/callables/get-overview.js";
import { metered, type Usage } from "./lib/firestore-meter.js";
import { demoCoach, demoOffering, demoPackTemplate } from "./demo-data.js";

type Report = (name: string, value: string) => void;

process.env.GCLOUD_PROJECT ??= "demo-solocoach";

/** The current state every measured coach shares: clients, their packs, open money and requests. */
const CLIENTS = 8;

/** A signed-in call of a callable in this process, as the Functions framework would make it. */
const signedIn = (uid: string, data: unknown) =>
  ({ data, auth: { uid, token: {} }, rawRequest: { rawBody: Buffer.from(JSON.stringify(data)) } }) as unknown as CallableRequest;

const coachOf = (coachId: string): Coach => ({ ...demoCoach, ownerUid: `uid-${coachId}`, slug: coachId, stripeAccount: null });

/**
 * Writes a coach with `history` past sessions (two a day back from
 * yesterday, completed, a no-show every 10th, a late cancellation every
 * 15th; every 4th paid singly, in cash), CLIENTS clients with an unpaid pack
 * each (2 of them ending within 30 days), 3 unpaid sessions ahead and 3
 * requests; with `full`, 30 of each (clients, sessions ahead, requests) and
 * every pack ending within 30 days.
 */
async function seedCoach(coachId: string, history: number, now: DateTime, full = false): Promise<void> {
  const coach = coachOf(coachId);
  const writer = db().bulkWriter({ throttling: false });
  void writer.set(coachRef(coachId), coach);
  void writer.set(offeringsCol(coachId).doc("private-60"), demoOffering);
  const clients = full ? 30 : CLIENTS;
  for (let c = 0; c < clients; c += 1) {
    void writer.set(clientsCol(coachId).doc(`client-${c}`), { ...namedRecord(`Client ${c}`), email: `client-${c}@example.com`, notes: "" });
    const bought = now.minus({ months: 2, days: c });
    const pack = newPack({ clientUid: `client-${c}`, templateId: "ten", template: demoPackTemplate, currency: "EUR", timeZone: coach.timeZone, now: bought });
    const endsSoon = full || c < 2;
    void writer.set(packsCol(coachId).doc(`pack-${c}`), { ...pack, remaining: 4, ...(endsSoon ? { expiresAt: now.plus({ days: 5 + (c % 20) }) } : {}) });
  }
  const session = (start: DateTime, c: number, status: Booking["status"], single: boolean, paid: boolean): Booking => ({
    coachId,
    clientUid: `client-${c}`,
    offeringId: "private-60",
    startsAt: start,
    endsAt: start.plus({ hours: 1 }),
    cells: [],
    status,
    payment: single
      ? { method: "single", amountDueMinor: 6500, currency: "EUR", paidMinor: paid ? 6500 : 0, refundedMinor: 0, state: paid ? "paid" : "open" }
      : { method: "pack", packId: status === "requested" ? null : `pack-${c}` },
    seriesId: null,
    createdAt: start.minus({ days: 7 }),
    resolution:
      status === "cancelled"
        ? {
            kind: "cancelled",
            by: "client",
            byUid: `client-${c}`,
            at: start.minus({ hours: 3 }),
            outcome: "charge_kept",
            delta: 0,
            sentence: "",
            minutesBefore: 180,
            waiver: null,
          }
        : null,
    checkout: null,
    note: "",
    inviteSequence: 0,
    movedFrom: null,
  });
  for (let i = 0; i < history; i += 1) {
    const start = now.minus({ days: 1 + Math.floor(i / 2) }).set({ hour: i % 2 ? 10 : 16, minute: 0, second: 0, millisecond: 0 });
    const status = i % 15 === 7 ? "cancelled" : i % 10 === 3 ? "no_show" : "completed";
    const single = i % 4 === 0;
    void writer.set(bookingsCol(coachId).doc(`past-${i}`), session(start, i % clients, status, single, true));
    if (!single) continue;
    const record: PaymentRecord = {
      target: { type: "booking", id: `past-${i}` },
      clientUid: `client-${i % clients}`,
      kind: "payment",
      method: "cash",
      wallet: null,
      amountMinor: 6500,
      currency: "EUR",
      reference: "",
      source: "manual",
      actorUid: coach.ownerUid,
      at: start.plus({ hours: 1 }),
    };
    void writer.set(paymentsCol(coachId).doc(`manual-past-${i}`), record);
  }
  const ahead = full ? 30 : 3;
  for (let i = 0; i < ahead; i += 1) {
    const start = now.plus({ days: 2 + i }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
    void writer.set(bookingsCol(coachId).doc(`ahead-${i}`), session(start, i % clients, "confirmed", true, false));
    void writer.set(bookingsCol(coachId).doc(`request-${i}`), session(start.plus({ hours: 3 }), i % clients, "requested", false, false));
  }
  await writer.close();
}

/** Reads and writes as text. */
const usage = ({ reads, writes }: Usage) => `${reads} reads, ${writes} writes`;

/** Seeds the coaches, builds their read models, and reports what opening the tab and the other overview operations cost. */
export async function overviewReads(report: Report): Promise<void> {
  const now = DateTime.utc();
  const measured: [string, number, boolean][] = [
    ["bench-overview-10", 10, false],
    ["bench-overview-1000", 1000, false],
    ["bench-overview-full", 1000, true],
  ];
  for (const [coachId, history, full] of measured) {
    await seedCoach(coachId, history, now, full);
    await rebuildOverview(coachId);
    const open = await metered(() => getOverview.run(signedIn(`uid-${coachId}`, { coachId })));
    const label = full
      ? `${history.toLocaleString("en")} sessions of history, every list full (30 open, expiring, requests)`
      : `${history.toLocaleString("en")} sessions of history`;
    report(`getOverview: opening the Overview tab, ${label}`, usage(open));
  }
  // One change counted by a trigger: a past session of the large history marked no-show (the event delivered once).
  const coachId = "bench-overview-1000";
  const before = await bookingsCol(coachId).withConverter(null).doc("past-0").get();
  await bookingsCol(coachId).doc("past-0").update({ status: "no_show" });
  const after = await bookingsCol(coachId).withConverter(null).doc("past-0").get();
  const change = await metered(() => applyOverviewChange(coachId, overviewChange("booking", { id: "bench-event", time: "" }, before, after), DateTime.utc()));
  report("overview trigger: one booking's change counted (pack-paid session → no-show)", usage(change));
  const month = now.setZone(demoCoach.timeZone).minus({ months: 1 }).toFormat("yyyy-MM");
  const exported = await metered(() => exportMonth.run(signedIn(`uid-${coachId}`, { coachId, month })));
  report(`exportMonth: a month of the 1,000-session history (${month})`, usage(exported));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await overviewReads((name, value) => console.log(`${name}: ${value}`));
  process.exit(0);
}
