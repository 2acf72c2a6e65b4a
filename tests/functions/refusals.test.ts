// Authorisation precedes every side effect: each callable, called by someone
// it refuses (nobody signed in; a client where only the coach may act; a
// stranger to the booking), answers its reason and leaves Firestore and Auth
// exactly as they were. Also the answers of the framework layer we control:
// oversized bodies, "__proto__" payloads, reserved ids, replays.
import { randomUUID } from "node:crypto";
import { getAuth } from "firebase-admin/auth";
import { beforeAll, describe, expect, it } from "vitest";
import type { CallName } from "../../functions/src/api/index.js";
import { adminApp } from "../../functions/src/shell/firebase.js";
import { DateTime } from "luxon";
import {
  DEMO,
  FUNCTIONS_ORIGIN,
  call,
  callFailing,
  clientWithPack,
  demoSlots,
  freshDemoSignedIn,
  idTokenFor,
  projectState,
  seedPackBooking,
  settledState,
} from "../support/emulators.js";
import { sampleCalls, type Caller, type Samples } from "../support/samples.js";

let samples: Samples;
let lena: string;
let emma: string;
let stranger: string;
/** The project once the setup's triggers have run. */
let before: string[];

beforeAll(async () => {
  ({ lena, emma } = await freshDemoSignedIn());
  const start = DateTime.fromISO((await demoSlots())[0]!, { zone: "utc" });
  await seedPackBooking({ bookingId: "lenas-booking", clientUid: DEMO.client.uid, packId: DEMO.packId, start });
  await getAuth(adminApp()).createUser({ uid: "uid-stranger", email: "stranger@example.com", password: "stranger-1" });
  stranger = await idTokenFor("stranger@example.com", "stranger-1");
  samples = sampleCalls("lenas-booking", (await demoSlots())[1]!);
  before = await settledState();
});

/** The callables that `callers` may call (the samples' roles do not depend on the booking or slot). */
const SHAPES = sampleCalls("any-booking", "2030-01-07T10:00:00Z");
const callablesFor = (...callers: Caller[]) => (Object.keys(SHAPES) as CallName[]).filter((name) => callers.includes(SHAPES[name].caller));

/** Calls as `token`, expects `reason`, and proves nothing changed (a refused call answers after anything it would have written). */
async function refusedWithoutEffect(name: CallName, token: string | undefined, reason: string): Promise<void> {
  const error = await callFailing(name, samples[name].input, token);
  expect(error.reason, `${name}: ${error.message}`).toBe(reason);
  expect(await projectState()).toEqual(before);
}

describe("a refused caller changes nothing", () => {
  it.each(callablesFor("client", "party", "coach"))("%s refuses a caller who is not signed in (AUTH_REQUIRED)", (name) =>
    refusedWithoutEffect(name, undefined, "AUTH_REQUIRED"),
  );
  it.each(callablesFor("coach"))("%s refuses a client (NOT_ALLOWED)", (name) => refusedWithoutEffect(name, lena, "NOT_ALLOWED"));
  it.each(callablesFor("party").filter((name) => name !== "getBalance"))("%s hides the booking from a stranger (BOOKING_NOT_FOUND)", (name) =>
    refusedWithoutEffect(name, stranger, "BOOKING_NOT_FOUND"),
  );
  it("getBalance refuses a stranger (NOT_ALLOWED)", () => refusedWithoutEffect("getBalance", stranger, "NOT_ALLOWED"));
});

describe("inputs refused before any read", () => {
  it.each(["__x__", "__name__", "__proto__", "a/b", "..", "x".repeat(129)])("an id %j is INVALID_INPUT, anonymously too", async (id) => {
    const error = await callFailing("listSlots", { coachId: id, offeringId: DEMO.offeringId, from: "2030-01-01T10:00:00Z" });
    expect(error.reason).toBe("INVALID_INPUT");
    const target = await callFailing("recordPayment", { ...samples.recordPayment.input, target: { type: "pack", id } }, lena);
    expect(target.reason).toBe("INVALID_INPUT");
  });

  it("a 1 MB e-mail address creates no account", async () => {
    const input = { ...samples.sellPack.input, client: { email: `${"a".repeat(1_000_000)}@example.com`, name: "Big" } };
    const error = await callFailing("sellPack", input, emma);
    expect(error.reason).toBe("INVALID_INPUT");
    expect(await projectState()).toEqual(before);
  });

  it("a payload wrapped in a __proto__ key is not taken as the payload", async () => {
    const response = await fetch(`${FUNCTIONS_ORIGIN}/listSlots`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: `{"data":{"__proto__":${JSON.stringify(samples.listSlots.input)}}}`,
    });
    const body = (await response.json()) as { error?: { status: string; details?: { reason?: string } } };
    expect(response.status).toBe(400);
    expect(body.error?.details?.reason).toBe("INVALID_INPUT");
  });
});

describe("replays, however late", () => {
  it("a rescheduling replayed after the booking moved again answers the booking as it stands", async () => {
    const [, , second, third] = await demoSlots();
    const first = { requestId: randomUUID(), coachId: DEMO.coachId, bookingId: "lenas-booking", newStart: second! };
    await call("rescheduleBooking", first, lena);
    await call("rescheduleBooking", { ...first, requestId: randomUUID(), newStart: third! }, emma);
    const replay = await call("rescheduleBooking", first, lena);
    expect(replay.start).toBe(third);
    const other = await callFailing("rescheduleBooking", { ...first, bookingId: "unknown-booking" }, emma);
    expect(other.reason).toBe("BOOKING_NOT_FOUND");
  });

  it("a pack operation's requestId used on another pack or for another kind is REQUEST_ID_REUSED", async () => {
    await clientWithPack("uid-max", 3, DateTime.utc(), true);
    const requestId = randomUUID();
    const adjust = { requestId, coachId: DEMO.coachId, packId: DEMO.packId, delta: 1, note: "goodwill" };
    const once = await call("adjustPack", adjust, emma);
    expect((await call("adjustPack", adjust, emma)).pack.remaining).toBe(once.pack.remaining);
    expect((await callFailing("extendPack", { requestId, coachId: DEMO.coachId, packId: DEMO.packId, days: 7, note: "injury" }, emma)).reason).toBe(
      "REQUEST_ID_REUSED",
    );
    const transfer = { requestId: randomUUID(), coachId: DEMO.coachId, packId: "pack-uid-max", toClientUid: DEMO.client.uid, units: 1 };
    await call("transferUnits", transfer, emma);
    expect((await callFailing("transferUnits", { ...transfer, packId: DEMO.packId, toClientUid: "uid-max" }, emma)).reason).toBe("REQUEST_ID_REUSED");
  });

  it("a payment's requestId is answered the target's state on a retry, and refused for a refund", async () => {
    const payment = { ...samples.recordPayment.input, requestId: randomUUID(), amountMinor: 1000 };
    const paid = await call("recordPayment", payment, emma);
    await call("recordPayment", { ...payment, requestId: randomUUID() }, emma);
    const retry = await call("recordPayment", payment, emma);
    expect(retry.paidMinor).toBe(paid.paidMinor + 1000);
    expect((await callFailing("recordRefund", payment, emma)).reason).toBe("REQUEST_ID_REUSED");
  });
});

describe("answers of the layer below the handlers", () => {
  /** The answer to a raw POST: status, content type and text. */
  async function post(url: string, body: string, contentType = "application/json") {
    const response = await fetch(url, { method: "POST", headers: { "content-type": contentType }, body });
    return { status: response.status, type: response.headers.get("content-type") ?? "", text: await response.text() };
  }
  const internals = /\bat \w|node_modules|\/work\/|SyntaxError|Error:/;

  it("malformed JSON is answered 400 without a stack trace or file paths, at a callable and at the webhook", async () => {
    for (const name of ["listSlots", "stripeWebhook"]) {
      const answer = await post(`${FUNCTIONS_ORIGIN}/${name}`, '{"data": {bad');
      expect(answer.status, name).toBe(400);
      expect(answer.text, name).not.toMatch(internals);
    }
  });

  it("the calendar feed answers an unknown or reserved coach 404 in plain text", async () => {
    for (const coach of ["nobody", "__x__", "a/b"]) {
      const response = await fetch(`${FUNCTIONS_ORIGIN}/calendarFeed?coach=${encodeURIComponent(coach)}&token=x`);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(await response.text()).toBe("Not found");
    }
  });

  it("a webhook call without a valid signature is answered JSON", async () => {
    const answer = await post(`${FUNCTIONS_ORIGIN}/stripeWebhook`, JSON.stringify({ id: "evt_1", type: "checkout.session.completed" }));
    expect([answer.status, answer.type.split(";")[0], JSON.parse(answer.text)]).toEqual([400, "application/json", { error: "SIGNATURE_INVALID" }]);
  });
});
