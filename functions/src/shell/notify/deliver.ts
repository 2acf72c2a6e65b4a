import { createHash } from "node:crypto";
import { Timestamp } from "firebase-admin/firestore";
import { DateTime } from "luxon";
import { OUTBOX_KEPT_DAYS, backoff, notificationLink, renderNotification } from "../../domain/notifications.js";
import { PushTransport } from "../../gateways/push-transport.js";
import { db } from "../firebase.js";
import { PARALLEL_SENDS, bounded, coachOf, sweep } from "../due/sweep.js";
import { clientsCol, coachRef, devicesCol, offeringsCol, outboxCol, outboxGroup } from "../firestore/refs.js";

/** A claim older than this is taken as a send that died midway and is retried. */
const CLAIM_MINUTES = 10;

/** The device document id of a token. */
export const deviceId = (token: string) => createHash("sha256").update(token).digest("hex").slice(0, 40);

/**
 * Delivers one outbox entry, at most once per device even when run twice at
 * once: a transaction claims the devices not yet sent to, the messages go
 * out, a second transaction records what was sent, prunes dead tokens and
 * schedules a retry with backoff for transient failures.
 */
export async function deliverOutbox(coachId: string, outboxId: string, now: DateTime, transport: PushTransport): Promise<number> {
  const ref = outboxCol(coachId).doc(outboxId);
  const claim = await db().runTransaction(async (tx) => {
    const entry = (await tx.get(ref)).data();
    if (!entry || entry.status === "sent" || now < entry.notBefore) return undefined;
    const devices = (await tx.get(devicesCol(coachId))).docs.map((d) => d.data().token);
    const busy = Object.entries(entry.inFlight)
      .filter(([, at]) => now.diff(at, "minutes").minutes < CLAIM_MINUTES)
      .map(([token]) => token);
    const tokens = devices.filter((token) => !entry.sentTo.includes(token) && !busy.includes(token));
    if (tokens.length === 0) {
      if (busy.length === 0) tx.set(ref, { ...entry, status: "sent", expireAt: now.plus({ days: OUTBOX_KEPT_DAYS }) });
      return undefined;
    }
    tx.set(ref, { ...entry, inFlight: { ...entry.inFlight, ...Object.fromEntries(tokens.map((token) => [token, now])) } });
    return { entry, tokens };
  });
  if (!claim) return 0;
  const { entry, tokens: claimed } = claim;

  const coach = (await coachRef(coachId).get()).data();
  if (!coach) return 0;
  const [client, offering] = await Promise.all([
    entry.params.clientUid ? clientsCol(coachId).doc(entry.params.clientUid).get() : undefined,
    entry.params.offeringId ? offeringsCol(coachId).doc(entry.params.offeringId).get() : undefined,
  ]);
  const clientName = client?.get("name");
  const offered = offering?.data();
  const { title, body } = renderNotification(entry, {
    locale: coach.locale,
    timeZone: coach.timeZone,
    currency: coach.currency,
    clientName: typeof clientName === "string" ? clientName : "A client",
    offeringTitle: offered?.title ?? "",
    locationName: coach.locations.find((location) => location.id === offered?.locationId)?.name ?? "",
  });
  const results = await transport.sendEach(
    claimed.map((token) => ({
      token,
      title,
      body,
      data: { kind: entry.kind, outboxId, bookingId: entry.params.bookingId ?? "", link: notificationLink(entry, coach.locale) },
    })),
  );

  await db().runTransaction(async (tx) => {
    const current = (await tx.get(ref)).data();
    const devices = (await tx.get(devicesCol(coachId))).docs.map((d) => d.data().token);
    if (!current) return;
    const sent = claimed.filter((_, i) => results[i]?.ok);
    const dead = claimed.filter((_, i) => {
      const r = results[i];
      return r && !r.ok && r.error !== "transient";
    });
    const failed = claimed.filter((_, i) => {
      const r = results[i];
      return !r || (!r.ok && r.error === "transient");
    });
    const inFlight = Object.fromEntries(Object.entries(current.inFlight).filter(([token]) => !claimed.includes(token)));
    const sentTo = [...current.sentTo, ...sent];
    const remaining = devices.filter((token) => !sentTo.includes(token) && !dead.includes(token));
    const attempts = current.attempts + (failed.length > 0 ? 1 : 0);
    for (const token of dead) tx.delete(devicesCol(coachId).doc(deviceId(token)));
    const done = remaining.length === 0;
    tx.set(ref, {
      ...current,
      sentTo,
      inFlight,
      attempts,
      status: done ? "sent" : "pending",
      notBefore: failed.length > 0 ? now.plus({ minutes: backoff(attempts) }) : current.notBefore,
      ...(done ? { expireAt: now.plus({ days: OUTBOX_KEPT_DAYS }) } : {}),
    });
  });
  return results.filter((r) => r.ok).length;
}

/**
 * Sweeps the coach notifications due at `now` (quiet hours over, backoff
 * elapsed), in pages, handing each page on as "coachId/entryId" paths.
 * Returns how many it handed on.
 */
export function sweepDueOutbox(now: DateTime, handOn: (paths: string[]) => Promise<void>): Promise<number> {
  const due = outboxGroup().where("status", "==", "pending").where("notBefore", "<=", Timestamp.fromMillis(now.toMillis())).orderBy("notBefore");
  return sweep(due, (page) => handOn(page.map((doc) => `${coachOf(doc)}/${doc.id}`)));
}

/** Delivers the entries named by "coachId/entryId" paths, a few at a time; returns how many messages went out. */
export async function deliverOutboxPaths(paths: readonly string[], now: DateTime, transport: PushTransport): Promise<number> {
  let sent = 0;
  await bounded(paths, PARALLEL_SENDS, async (path) => {
    const [coachId = "", entryId = ""] = path.split("/");
    const delivered = await deliverOutbox(coachId, entryId, now, transport); // not `sent += await …` (lost updates)
    sent += delivered;
  });
  return sent;
}

/** Delivers every entry due at `now` right here (tests; deployed, a sweep hands them to tasks). */
export async function flushDueOutbox(now: DateTime, transport: PushTransport): Promise<number> {
  let sent = 0;
  await sweepDueOutbox(now, async (paths) => {
    const delivered = await deliverOutboxPaths(paths, now, transport);
    sent += delivered;
  });
  return sent;
}
