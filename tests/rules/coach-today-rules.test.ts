import { assertFails, assertSucceeds } from "@firebase/rules-unit-testing";
import { describe, expect, it } from "vitest";
import { rulesEnvironment, type Role } from "../support/rules.js";

// Rules behind the coach app's Today and Settings screens: the live queries
// the Today screen runs on bookings, the coach's own settings documents and
// the push devices. Same roles and project as firestore-rules.test.ts.

/** Dates are stored as Firestore Timestamps, as the functions store startsAt. */
const at = (iso: string) => new Date(iso);
const today = at("2026-11-23T00:00:00+01:00");
const inTwoWeeks = at("2026-12-07T00:00:00+01:00");

const { env, as } = rulesEnvironment(async (setDoc) => {
  await setDoc("coaches/emma-c", {
    ownerUid: "emma",
    name: "Emma",
    cancellationPolicy: { windowHours: 24, waiverReasons: [{ id: "weather", label: "weather" }] },
  });
  await setDoc("coaches/otto-c", { ownerUid: "otto", name: "Otto" });
  await setDoc("coaches/emma-c/bookings/b1", { clientUid: "lena", status: "confirmed", startsAt: at("2026-11-23T09:00:00Z") });
  await setDoc("coaches/emma-c/bookings/b2", { clientUid: "max", status: "requested", startsAt: at("2026-11-25T09:00:00Z") });
  await setDoc("coaches/emma-c/bookings/b3", { clientUid: "lena", status: "requested", startsAt: at("2027-01-10T09:00:00Z") });
  await setDoc("coaches/emma-c/clients/lena", { name: "Lena Fischer", email: "lena@example.com", notes: "knee" });
  await setDoc("coaches/emma-c/offerings/private-60", { title: "Private lesson", locationId: "court-3" });
  await setDoc("coaches/emma-c/packTemplates/ten", { name: "10-session pack", units: 10 });
  await setDoc("coaches/emma-c/devices/d1", { token: "web-emulator-1" });
});

describe("the Today screen's live queries", () => {
  const upcoming = (role: Role) =>
    as(role).collection("coaches/emma-c/bookings").where("startsAt", ">=", today).where("startsAt", "<", inTwoWeeks).orderBy("startsAt").get();
  const requests = (role: Role) => as(role).collection("coaches/emma-c/bookings").where("status", "==", "requested").get();

  it("the coach lists the sessions from today on, in order", async () => {
    const snapshot = await assertSucceeds(upcoming("coach"));
    expect(snapshot.docs.map((d) => d.id)).toEqual(["b1", "b2"]);
  });

  it("the coach lists every request waiting, whatever its date", async () => {
    const snapshot = await assertSucceeds(requests("coach"));
    expect(snapshot.docs.map((d) => d.id).sort()).toEqual(["b2", "b3"]);
  });

  for (const role of ["anonymous", "client", "otherClient", "otherCoach"] as const) {
    it(`${role} may not run the coach's queries`, async () => {
      await assertFails(upcoming(role));
      await assertFails(requests(role));
    });
  }

  it("the coach's listener sees a booking as it is written (no reload)", async () => {
    const db = env().authenticatedContext("emma").firestore();
    const received = new Promise<string[]>((resolve, reject) => {
      const stop = db
        .collection("coaches/emma-c/bookings")
        .where("startsAt", ">=", today)
        .orderBy("startsAt")
        .onSnapshot((snapshot) => {
          if (snapshot.size === 4) {
            stop();
            resolve(snapshot.docs.map((d) => d.id));
          }
        }, reject);
    });
    await env().withSecurityRulesDisabled((context) =>
      context
        .firestore()
        .doc("coaches/emma-c/bookings/b4")
        .set({ clientUid: "lena", status: "confirmed", startsAt: at("2026-11-24T09:00:00Z") }),
    );
    expect(await received).toEqual(["b1", "b4", "b2", "b3"]);
  });
});

describe("what the Today and Settings screens read", () => {
  const paths = [
    "coaches/emma-c",
    "coaches/emma-c/clients/lena",
    "coaches/emma-c/offerings/private-60",
    "coaches/emma-c/packTemplates/ten",
    "coaches/emma-c/devices/d1",
  ];
  for (const path of paths) {
    it(`only the coach reads ${path}`, async () => {
      await assertSucceeds(as("coach").doc(path).get());
      for (const role of ["anonymous", "client", "otherClient", "otherCoach"] as const) await assertFails(as(role).doc(path).get());
    });
  }

  it("the coach finds this device's registration by its token; nobody writes devices or settings directly", async () => {
    const found = await assertSucceeds(as("coach").collection("coaches/emma-c/devices").where("token", "==", "web-emulator-1").get());
    expect(found.size).toBe(1);
    await assertFails(as("otherCoach").collection("coaches/emma-c/devices").where("token", "==", "web-emulator-1").get());
    await assertFails(as("coach").doc("coaches/emma-c/devices/d2").set({ token: "web-emulator-2" }));
    await assertFails(as("coach").doc("coaches/emma-c").update({ "cancellationPolicy.windowHours": 48 }));
    await assertFails(as("coach").doc("coaches/emma-c/offerings/private-60").set({ title: "Forged" }));
    await assertFails(as("coach").doc("coaches/emma-c/bookings/b1").update({ status: "completed" }));
  });
});
