import { readFileSync } from "node:fs";
import { assertFails, assertSucceeds, initializeTestEnvironment, type RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";

const [host = "127.0.0.1", port = "8080"] = (process.env.FIRESTORE_EMULATOR_HOST ?? "").split(":");
let env: RulesTestEnvironment;

type Role = "anonymous" | "client" | "otherClient" | "coach" | "otherCoach";
const uids: Record<Exclude<Role, "anonymous">, string> = { client: "lena", otherClient: "max", coach: "emma", otherCoach: "otto" };

function as(role: Role) {
  return role === "anonymous" ? env.unauthenticatedContext().firestore() : env.authenticatedContext(uids[role]).firestore();
}

beforeAll(async () => {
  env = await initializeTestEnvironment({
    // A project of its own: no Cloud Function trigger reacts to the documents seeded here.
    projectId: "demo-solocoach-rules",
    firestore: { rules: readFileSync("firestore.rules", "utf8"), host, port: Number(port) },
  });
});
afterAll(async () => env.cleanup());

beforeEach(async () => {
  await env.clearFirestore();
  await env.withSecurityRulesDisabled(async (context) => {
    const db = context.firestore();
    const setDoc = (path: string, data: object) => db.doc(path).set(data);
    await setDoc("coaches/emma-c", { ownerUid: "emma", name: "Emma" });
    await setDoc("coaches/otto-c", { ownerUid: "otto", name: "Otto" });
    await setDoc("publicCoaches/emma", { name: "Emma" });
    await setDoc("coaches/emma-c/offerings/o1", { title: "Lesson" });
    await setDoc("coaches/emma-c/packTemplates/t1", { name: "10 pack" });
    await setDoc("coaches/emma-c/clients/lena", { name: "Lena", notes: "private" });
    await setDoc("coaches/emma-c/slotClaims/20261123T0900", { bookingId: "b1" });
    await setDoc("coaches/emma-c/busyWeeks/2026-W48", { intervals: {} });
    await setDoc("coaches/emma-c/bookings/b1", { clientUid: "lena" });
    await setDoc("coaches/emma-c/payments/pay1", { clientUid: "lena", amountMinor: 6500 });
    await setDoc("stripeEvents/evt_1", { type: "checkout.session.completed" });
    await setDoc("coaches/emma-c/outbox/booking-b1-new", { kind: "booking_new" });
    await setDoc("coaches/emma-c/devices/d1", { token: "t" });
    await setDoc("devPushLog/m1", { token: "t" });
    await setDoc("stripePayments/pi_1", { coachId: "emma-c" });
    await setDoc("coaches/emma-c/packs/p1", { clientUid: "lena", remaining: 10 });
    await setDoc("coaches/emma-c/packs/p1/ledger/e1", { delta: 10 });
  });
});

/** Who may read each document; everybody else must be denied. */
const readers: Record<string, Role[]> = {
  "publicCoaches/emma": ["anonymous", "client", "otherClient", "coach", "otherCoach"],
  "coaches/emma-c": ["coach"],
  "coaches/emma-c/offerings/o1": ["coach"],
  "coaches/emma-c/packTemplates/t1": ["coach"],
  "coaches/emma-c/clients/lena": ["coach"],
  "coaches/emma-c/slotClaims/20261123T0900": ["coach"],
  "coaches/emma-c/busyWeeks/2026-W48": ["coach"],
  "coaches/emma-c/bookings/b1": ["client", "coach"],
  "coaches/emma-c/payments/pay1": ["client", "coach"],
  "stripeEvents/evt_1": [],
  "coaches/emma-c/outbox/booking-b1-new": ["coach"],
  "coaches/emma-c/devices/d1": ["coach"],
  "devPushLog/m1": [],
  "stripePayments/pi_1": [],
  "coaches/emma-c/packs/p1": ["client", "coach"],
  "coaches/emma-c/packs/p1/ledger/e1": ["client", "coach"],
  "coaches/emma-c/unknown/x": [],
};
const roles: Role[] = ["anonymous", "client", "otherClient", "coach", "otherCoach"];

describe("reads", () => {
  for (const [path, allowed] of Object.entries(readers)) {
    for (const role of roles) {
      const may = allowed.includes(role);
      it(`${role} ${may ? "may" : "may not"} read ${path}`, async () => {
        await (may ? assertSucceeds : assertFails)(as(role).doc(path).get());
      });
    }
  }
});

describe("writes", () => {
  for (const path of Object.keys(readers)) {
    for (const role of roles) {
      it(`${role} may not write ${path}`, async () => {
        await assertFails(as(role).doc(path).set({ remaining: 99, ownerUid: uids.client }));
      });
    }
  }
});
