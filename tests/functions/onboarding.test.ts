// Signing up as a coach over HTTP: createCoach sets everything up in one
// transaction, live at once (public page data, free slots); one coach per
// account and per address, even when sign-ups race; checkSlug as the wizard types.
import { randomUUID } from "node:crypto";
import { getAuth } from "firebase-admin/auth";
import { DateTime } from "luxon";
import { beforeEach, describe, expect, it } from "vitest";
import type { Api } from "../../site/src/client/callable.js";
import { adminApp } from "../../functions/src/shell/firebase.js";
import { coachRef, publicCoachesCol } from "../../functions/src/shell/firestore/refs.js";
import { NEW_COACH_ANSWERS } from "../support/samples.js";
import { DEMO, call, callFailing, freshDemoSignedIn, idTokenFor } from "../support/emulators.js";

/** A new account (no coach yet), signed in; returns its ID token. */
async function newAccount(name: string): Promise<string> {
  await getAuth(adminApp()).createUser({ uid: `uid-${name}`, email: `${name}@example.com`, password: "secret-123" });
  return idTokenFor(`${name}@example.com`, "secret-123");
}

const setup = (slug: string): Api["createCoach"]["input"]["setup"] => ({
  ...NEW_COACH_ANSWERS,
  slug,
  pack: { name: "5 sessions", units: 5, priceMinor: 25000, validityMonths: 3 },
});

let emma: string;
beforeEach(async () => {
  ({ emma } = await freshDemoSignedIn());
});

describe("createCoach", () => {
  it("sets up a coach whose page data and free slots are there at once; a retry returns the same coach", async () => {
    const ana = await newAccount("ana");
    const requestId = randomUUID();
    const created = await call("createCoach", { requestId, setup: setup("ana-silva") }, ana);
    expect(created).toEqual({ coachId: `coach-${requestId}`, slug: "ana-silva" });
    expect((await coachRef(created.coachId).get()).data()).toMatchObject({ ownerUid: "uid-ana", timeZone: "Europe/London", currency: "GBP" });
    const page = (await publicCoachesCol().doc("ana-silva").get()).data();
    expect(page).toMatchObject({ coachId: created.coachId, name: "Ana Silva", currency: "GBP", policy: { windowHours: 24 } });
    expect(page?.offerings.map((offering) => offering.title)).toEqual(["Personal training (45 min)"]);
    expect(page?.packs.map((pack) => pack.name)).toEqual(["5 sessions"]);

    // A Monday in London at least a week ahead (past any notice): 09:00–17:00 in 60-minute steps for a 45-minute session.
    const monday = DateTime.now().setZone("Europe/London").startOf("week").plus({ weeks: 2 });
    const { slots } = await call("listSlots", { coachId: created.coachId, offeringId: "first-session", from: monday.toUTC().toISO()!, days: 1 });
    expect(slots.map((slot) => slot.localTime)).toEqual(["09:00", "10:00", "11:00", "12:00", "13:00", "14:00", "15:00", "16:00"]);

    expect(await call("createCoach", { requestId, setup: setup("ana-silva") }, ana)).toEqual(created);
    const second = await callFailing("createCoach", { requestId: randomUUID(), setup: setup("ana-silva-2") }, ana);
    expect([second.code, second.reason]).toEqual(["already-exists", "ALREADY_A_COACH"]);
  });

  it("refuses a taken address, the site's own addresses, and a second coach for the demo coach's account", async () => {
    const ana = await newAccount("ana");
    expect((await callFailing("createCoach", { requestId: randomUUID(), setup: setup(DEMO.slug) }, ana)).reason).toBe("SLUG_TAKEN");
    expect((await callFailing("createCoach", { requestId: randomUUID(), setup: setup("portal") }, ana)).reason).toBe("SLUG_RESERVED");
    expect((await callFailing("createCoach", { requestId: randomUUID(), setup: setup("emma-two") }, emma)).reason).toBe("ALREADY_A_COACH");
    expect((await callFailing("createCoach", { requestId: randomUUID(), setup: { ...setup("ana"), name: "x".repeat(1_000) } }, ana)).reason).toBe(
      "INVALID_INPUT",
    );
  });

  it("gives one address to exactly one of several coaches signing up at once", async () => {
    // Fewer than RACERS: each concurrent call is one more ~85 MB emulator worker of createCoach, kept until the end of the suite.
    const tokens = [];
    for (let i = 0; i < 5; i += 1) tokens.push(await newAccount(`racer${i}`));
    const outcomes = await Promise.allSettled(tokens.map((token) => call("createCoach", { requestId: randomUUID(), setup: setup("popular-coach") }, token)));
    const won = outcomes.filter((outcome) => outcome.status === "fulfilled");
    expect(won).toHaveLength(1);
    const reasons = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [(outcome.reason as { reason?: string }).reason] : []));
    expect(new Set(reasons)).toEqual(new Set(["SLUG_TAKEN"]));
    const owner = (await publicCoachesCol().doc("popular-coach").get()).data()?.coachId;
    expect(owner).toBe(won[0]!.status === "fulfilled" ? won[0]!.value.coachId : "");
  });
});

describe("checkSlug", () => {
  it("says whether an address is free, taken or reserved", async () => {
    const ana = await newAccount("ana");
    expect(await call("checkSlug", { slug: "ana-silva" }, ana)).toEqual({ slug: "ana-silva", available: true, reason: null });
    expect(await call("checkSlug", { slug: DEMO.slug }, ana)).toEqual({ slug: DEMO.slug, available: false, reason: "SLUG_TAKEN" });
    expect(await call("checkSlug", { slug: "app" }, ana)).toEqual({ slug: "app", available: false, reason: "SLUG_RESERVED" });
    expect((await callFailing("checkSlug", { slug: "Not A Slug" }, ana)).reason).toBe("INVALID_INPUT");
  });
});
