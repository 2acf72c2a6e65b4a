// Helpers of the coach app's function tests: a second coach, waiting for the
// stats trigger, and the parsed client record.
import { randomUUID } from "node:crypto";
import { getAuth } from "firebase-admin/auth";
import { DateTime } from "luxon";
import type { ClientStats } from "../../functions/src/domain/clients.js";
import { adminApp } from "../../functions/src/shell/firebase.js";
import { clientRecordRef } from "../../functions/src/shell/firestore/refs.js";
import { SECOND_COACH } from "../../scripts/demo-data.js";
import { DEMO, call, clientWithPack, idTokenFor, seedPackBooking } from "./emulators.js";

/** Another coach (Otto, at /otto), signed up through createCoach like any coach; returns his ID token. */
export async function otherCoach(): Promise<string> {
  await getAuth(adminApp()).createUser({ uid: "uid-otto", email: "otto@example.com", password: "otto-demo-1" });
  const otto = await idTokenFor("otto@example.com", "otto-demo-1");
  await call("createCoach", { requestId: randomUUID(), setup: { ...SECOND_COACH.setup, name: "Otto Berg", slug: "otto" } }, otto);
  return otto;
}

/** Polls `read` until `done` holds (a trigger runs after the call that caused it returns); fails after ~20 s. */
export async function waitFor<T, S extends T>(read: () => Promise<T>, done: (value: T) => value is S, what: string): Promise<S>;
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T>;
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < 100; i += 1) {
    last = await read();
    if (done(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
}

/** The demo coach's record of a client (parsed), or undefined. */
export const clientRecord = async (clientUid: string) => (await clientRecordRef(DEMO.coachId, clientUid).get()).data();

/**
 * Waits until the stats triggers of a test's writes are all done: the
 * client's stats unchanged (the same `asOf`) for two seconds. A trigger
 * delayed on a busy machine may otherwise land a newer computation in the
 * middle of what the test does next.
 */
export async function statsSettled(clientUid: string): Promise<ClientStats | null> {
  let last = (await clientRecord(clientUid))?.stats ?? null;
  for (let quiet = 0, tries = 0; quiet < 4 && tries < 100; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const next = (await clientRecord(clientUid))?.stats ?? null;
    quiet = next?.asOf.toMillis() === last?.asOf.toMillis() ? quiet + 1 : 0;
    last = next;
  }
  return last;
}

/**
 * Waits until the client's stats satisfy `done` once every change in flight
 * is counted (the triggers count each change on its own, so a figure can be
 * reached while another change is still on its way).
 */
export async function statsWhere(clientUid: string, done: (stats: ClientStats) => boolean): Promise<ClientStats> {
  for (let round = 0; round < 5; round += 1) {
    await waitFor(
      async () => (await clientRecord(clientUid))?.stats ?? null,
      (stats): stats is ClientStats => stats !== null && done(stats),
      `stats of ${clientUid}`,
    );
    const settled = await statsSettled(clientUid);
    if (settled && done(settled)) return settled;
  }
  throw new Error(`stats of ${clientUid} do not settle on the expected figures`);
}

/** A whole hour `hours` from now (negative: in the past). */
export const inHours = (hours: number) => DateTime.utc().plus({ hours }).startOf("hour");

/** A client with a pack and `sessions` past sessions on it, one a day back from yesterday; returns their ID token. */
export async function longHistory(clientUid: string, sessions: number): Promise<string> {
  const token = await clientWithPack(clientUid, sessions + 10);
  for (let day = 1; day <= sessions; day += 1) {
    await seedPackBooking({ bookingId: `${clientUid}-${day}`, clientUid, packId: `pack-${clientUid}`, start: inHours(-24 * day) });
  }
  return token;
}

/** A confirmed session of Lena's demo pack that started `hoursAgo` hours ago, ready to be completed; returns its start. */
export async function pastSession(bookingId: string, hoursAgo: number, clientUid: string = DEMO.client.uid, packId: string = DEMO.packId): Promise<DateTime> {
  const start = inHours(-hoursAgo);
  await seedPackBooking({ bookingId, clientUid, packId, start });
  return start;
}
