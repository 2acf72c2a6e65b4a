// Test helpers that talk to the running emulators as the site does: Auth
// sign-in over REST, callables over HTTP, resets through the emulator APIs.
import { getAuth } from "firebase-admin/auth";
import { DateTime } from "luxon";
import { api, type Api, type CallName } from "../../functions/src/api/index.js";
import { callFunction, CallableError } from "../../site/src/client/callable.js";
import { cellsFor, type Booking } from "../../functions/src/domain/booking.js";
import { cellExpiry } from "../../functions/src/domain/slots.js";
import { namedRecord } from "../../functions/src/domain/clients.js";
import { bookingDebitEntry, post } from "../../functions/src/domain/packs.js";
import { decideSale } from "../../functions/src/domain/pack-sales.js";
import { markBusy } from "../../functions/src/shell/booking/busy.js";
import { writePackChange } from "../../functions/src/shell/packs/commit.js";
import { adminApp, db } from "../../functions/src/shell/firebase.js";
import { bookingsCol, claimRef, clientsCol, coachRef, packsCol } from "../../functions/src/shell/firestore/refs.js";
import { scheduleBooking } from "../../functions/src/shell/jobs/schedule.js";
import { DEMO, demoCoach, demoOffering, demoPackTemplate } from "../../scripts/demo-data.js";
import { seedDemo } from "../../scripts/demo.js";

export const PROJECT_ID = DEMO.projectId;
export const FUNCTIONS_ORIGIN = `http://127.0.0.1:5001/${PROJECT_ID}/europe-west1`;
const FIRESTORE = `http://${process.env.FIRESTORE_EMULATOR_HOST}`;
const AUTH = `http://${process.env.FIREBASE_AUTH_EMULATOR_HOST}`;

/** The demo's accounts: kept by resetEmulators, like people who come back (their saved sign-ins stay valid). */
const DEMO_ACCOUNTS = new Set<string>([DEMO.coach.uid, DEMO.client.uid]);

/**
 * Deletes every document of the test project and every account but the
 * demo's. A trigger of the previous test (e.g. a notification being
 * delivered) may still hold a transaction lock, which makes the emulator
 * refuse the reset for a moment: try again shortly.
 */
export async function resetEmulators(): Promise<void> {
  const auth = getAuth(adminApp());
  const { users } = await auth.listUsers(1000);
  const others = users.map((user) => user.uid).filter((uid) => !DEMO_ACCOUNTS.has(uid));
  if (others.length > 0) await auth.deleteUsers(others);
  for (let attempt = 1; ; attempt += 1) {
    const response = await fetch(`${FIRESTORE}/emulator/v1/projects/${PROJECT_ID}/databases/(default)/documents`, { method: "DELETE" });
    if (response.ok) return;
    if (attempt === 5) throw new Error(`emulator reset failed: ${response.status} ${await response.text()}`);
    await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
  }
}

/** A clean project holding exactly the demo (coach Emma, client Lena with 10 units). */
export async function freshDemo(): Promise<void> {
  await resetEmulators();
  await seedDemo();
}

/** Signs in with email and password against the Auth emulator; returns an ID token. */
export async function idTokenFor(email: string, password: string): Promise<string> {
  const response = await fetch(`${AUTH}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=demo-api-key`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password, returnSecureToken: true }),
  });
  const body: unknown = await response.json();
  if (!response.ok || typeof body !== "object" || body === null || !("idToken" in body) || typeof body.idToken !== "string") {
    throw new Error(`sign-in failed for ${email}: ${JSON.stringify(body)}`);
  }
  return body.idToken;
}

/** A fresh demo, signed in as its client (Lena) and its coach (Emma). */
export async function freshDemoSignedIn(): Promise<{ lena: string; emma: string }> {
  await freshDemo();
  const [lena, emma] = await Promise.all([idTokenFor(DEMO.client.email, DEMO.client.password), idTokenFor(DEMO.coach.email, DEMO.coach.password)]);
  return { lena, emma };
}

/** Creates a client of the demo coach holding a pack with `units` left; returns their ID token. */
export async function clientWithPack(uid: string, units: number, now: DateTime = DateTime.utc(), transferable = false): Promise<string> {
  const email = `${uid}@example.com`;
  await getAuth(adminApp()).createUser({ uid, email, password: "secret-123" });
  await clientsCol(DEMO.coachId)
    .doc(uid)
    .set({ ...namedRecord(uid), email, notes: "" });
  if (units > 0) {
    const sale = decideSale({
      packId: `pack-${uid}`,
      clientUid: uid,
      templateId: DEMO.packTemplateId,
      template: { ...demoPackTemplate, units, transferable },
      currency: "EUR",
      timeZone: demoCoach.timeZone,
      actor: { uid: DEMO.coach.uid, now },
    });
    const batch = db().batch();
    writePackChange(batch, DEMO.coachId, demoCoach, sale, now);
    await batch.commit();
  }
  return idTokenFor(email, "secret-123");
}

/**
 * Calls a callable over HTTP exactly as the site does, and checks the answer
 * against the callable's result in the contract, with no field beyond it:
 * every functions test proves the shape the site relies on.
 */
export async function call<N extends CallName>(name: N, input: Api[N]["input"], idToken?: string): Promise<Api[N]["result"]> {
  const result = await callFunction(FUNCTIONS_ORIGIN, name, input, idToken);
  const checked = api[name].result.safeParse(result);
  if (!checked.success) throw new Error(`${name} answered outside its contract:\n${checked.error.message}`);
  const extra = fieldsBeyond(result, checked.data);
  if (extra.length > 0) throw new Error(`${name} answered fields its contract does not name: ${extra.join(", ")}`);
  return result;
}

/** Paths of the fields in `answer` that parsing dropped (zod objects strip what their schema does not name). */
function fieldsBeyond(answer: unknown, parsed: unknown, path = "result"): string[] {
  if (typeof answer !== "object" || answer === null || typeof parsed !== "object" || parsed === null) return [];
  return Object.entries(answer).flatMap(([key, value]) =>
    key in parsed ? fieldsBeyond(value, (parsed as Record<string, unknown>)[key], `${path}.${key}`) : [`${path}.${key}`],
  );
}

/** Calls a callable that must fail; returns the CallableError. */
export async function callFailing(name: CallName, input: unknown, idToken?: string): Promise<CallableError> {
  try {
    // Deliberately untyped input: these tests send bad payloads on purpose.
    await callFunction(FUNCTIONS_ORIGIN, name, input as never, idToken);
  } catch (error) {
    if (error instanceof CallableError) return error;
    throw error;
  }
  throw new Error(`${name} was expected to fail`);
}

/**
 * Concurrent callers in the racing tests: enough for a real race on one slot,
 * few enough that the Functions emulator, which starts one worker (~85 MB) per
 * concurrent request of a function and keeps it, stays small. The bench races 50.
 */
export const RACERS = 10;

/** RACERS clients of the demo coach with `units` each, created one after another: only the race itself runs in parallel. */
export async function racingClients(prefix: string, units: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < RACERS; i += 1) tokens.push(await clientWithPack(`${prefix}-${i}`, units));
  return tokens;
}

/**
 * Where demo slots start: the policy window + 1 h after the test began, and
 * 1 h more for the test's own run (window 24 h → slots from 26 h on), so that a
 * client's cancellation of such a slot is always in time, whatever the hour.
 * Pinned before each test (tests/support/setup.ts): two calls list the same slots.
 */
let slotsFrom: DateTime | undefined;

/** Pins the start of demoSlots to `now` + window + 2 h. */
export function pinDemoSlots(now: DateTime = DateTime.utc()): void {
  slotsFrom = now.plus({ hours: demoCoach.cancellationPolicy.windowHours + 2 });
}

/** The free slots of the demo offering, from listSlots, for 14 days from the pinned start. */
export async function demoSlots(): Promise<string[]> {
  if (!slotsFrom) pinDemoSlots();
  const { slots } = await call("listSlots", { coachId: DEMO.coachId, offeringId: DEMO.offeringId, from: slotsFrom!.toISO()!, days: 14 });
  return slots.map((slot) => slot.start);
}

/** Counts the documents of a collection path (admin view). */
export async function count(path: string): Promise<number> {
  return (await db().collection(path).count().get()).data().count;
}

export { DEMO };

/** Writes a confirmed pack-paid booking at any time (past or within the window), as bookSlot would. */
export async function seedPackBooking(args: { bookingId: string; clientUid: string; packId: string; start: DateTime }): Promise<void> {
  const [pack, coach] = await Promise.all([
    packsCol(DEMO.coachId)
      .doc(args.packId)
      .get()
      .then((doc) => doc.data()),
    coachRef(DEMO.coachId)
      .get()
      .then((doc) => doc.data()),
  ]);
  if (!pack || !coach) throw new Error(`no pack ${args.packId} or no coach`);
  const now = DateTime.utc();
  const booking: Booking = {
    coachId: DEMO.coachId,
    clientUid: args.clientUid,
    offeringId: DEMO.offeringId,
    startsAt: args.start,
    endsAt: args.start.plus({ hours: 1 }),
    cells: cellsFor(demoCoach, demoOffering, args.start),
    status: "confirmed",
    payment: { method: "pack", packId: args.packId },
    seriesId: null,
    createdAt: now,
    resolution: null,
    checkout: null,
    note: "",
    inviteSequence: 0,
    movedFrom: null,
  };
  const change = post(args.packId, pack, [
    bookingDebitEntry({ bookingId: args.bookingId, start: args.start, timeZone: demoCoach.timeZone, actor: { uid: args.clientUid, now } }),
  ]);
  if (!change.ok) throw new Error(change.error.code);
  const batch = db().batch();
  batch.set(bookingsCol(DEMO.coachId).doc(args.bookingId), booking);
  for (const cell of booking.cells) batch.set(claimRef(DEMO.coachId, cell), { bookingId: args.bookingId, expireAt: cellExpiry(cell) });
  markBusy(batch, DEMO.coachId, demoCoach.timeZone, args.bookingId, booking);
  scheduleBooking(batch, DEMO.coachId, coach, args.bookingId, booking, now);
  writePackChange(batch, DEMO.coachId, coach, change.value, now);
  await batch.commit();
}

/**
 * Every document of the project (path → fields) and every Auth account, as
 * JSON lines, sorted. Leaves out what triggers and tasks keep on their own
 * schedule, seconds after the writes of a test's setup: the clients' `stats`
 * and the stats triggers' markers of counted changes (the documents the stats
 * count are compared), the calendar feed's read model and the overview's
 * (`overview`, `overviewOpen`, `overviewClients`, `overviewEvents`: likewise),
 * `pageRefreshes` (the page-refresh queue's notes, cleared when the refresh
 * task has run) and the delivery state of client mails (the mail is
 * compared, what its delivery did to it is not).
 */
const TRIGGER_KEPT = ["/documents/pageRefreshes/", "/statsEvents/", "/calendar/feed", "/overview"];

export async function projectState(): Promise<string[]> {
  const response = await fetch(`${FIRESTORE}/v1/projects/${PROJECT_ID}/databases/(default)/documents:runQuery`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer owner" },
    body: JSON.stringify({ structuredQuery: { from: [{ allDescendants: true }] } }),
  });
  const rows = (await response.json()) as { document?: { name: string; fields?: Record<string, unknown> } }[];
  const documents = rows.flatMap(({ document }) => {
    if (!document || TRIGGER_KEPT.some((part) => document.name.includes(part))) return [];
    const { stats: _readModel, ...fields } = document.fields ?? {};
    const path = document.name.split("/documents/")[1] ?? "";
    return [`${path} ${JSON.stringify(path.includes("/mailOutbox/") ? mailWithoutDelivery(fields) : fields)}`];
  });
  const { users } = await getAuth(adminApp()).listUsers();
  const accounts = users.map((user) => `auth ${user.uid} ${user.email ?? ""} ${user.displayName ?? ""}`);
  return [...documents, ...accounts].sort();
}

/** A mail outbox document without what its delivery changes (status, attempts, claim, retry time, note, expiry). */
function mailWithoutDelivery(fields: Record<string, unknown>): Record<string, unknown> {
  const {
    status: _status,
    attempts: _attempts,
    claimedAt: _claimedAt,
    sentAt: _sentAt,
    note: _note,
    notBefore: _notBefore,
    expireAt: _expireAt,
    ...mail
  } = fields;
  return mail;
}

/**
 * The project's whole state once it has settled (two reads 300 ms apart agree):
 * triggers of the setup may still be writing. Compare two of these to prove
 * that a call wrote nothing, in Firestore or Auth.
 */
export async function settledState(): Promise<string[]> {
  let last = await projectState();
  for (let attempt = 0; attempt < 30; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const next = await projectState();
    if (JSON.stringify(next) === JSON.stringify(last)) return next;
    last = next;
  }
  throw new Error("the emulators' data did not settle");
}
