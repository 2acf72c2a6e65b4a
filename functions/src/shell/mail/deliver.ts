import { Timestamp, Transaction } from "firebase-admin/firestore";
import { DateTime } from "luxon";
import { ClientRecord } from "../../domain/clients.js";
import {
  MAX_MAIL_ATTEMPTS,
  MailOutboxEntry,
  OPTIONAL_KINDS,
  expiryNoticeStillDue,
  finished,
  mailBackoff,
  reminderStillDue,
} from "../../domain/client-mail-plan.js";
import { EmailTransport, SendOutcome } from "../../gateways/email-transport.js";
import { db } from "../firebase.js";
import { PARALLEL_SENDS, bounded, coachOf, sweep } from "../due/sweep.js";
import { bookingsCol, clientRecordRef, coachRef, mailOutboxCol, mailOutboxGroup, packsCol } from "../firestore/refs.js";
import { composeMail } from "./compose.js";

/** A claim older than this is taken as a send that died midway, and is retried. */
const CLAIM_MINUTES = 10;

/** What became of one delivery attempt. */
export type MailDelivery = "sent" | "retry" | "failed" | "dropped" | "not_due";

/** Why a mail due now is no longer to be sent, or undefined to send it. */
async function reasonToDrop(tx: Transaction, coachId: string, entry: MailOutboxEntry, client: ClientRecord | undefined): Promise<string | undefined> {
  if (!client?.email) return "the client has no e-mail address";
  if (OPTIONAL_KINDS.includes(entry.kind) && client.remindersOff) return "the client unsubscribed from reminders";
  const { about } = entry;
  if (entry.kind === "reminder" && about.bookingId && about.start) {
    const booking = (await tx.get(bookingsCol(coachId).doc(about.bookingId))).data();
    if (!reminderStillDue(booking, about.start)) return "the session was cancelled or moved";
  }
  if (entry.kind === "pack_expiring" && about.packId && about.expiresAt) {
    const pack = (await tx.get(packsCol(coachId).doc(about.packId))).data();
    if (!expiryNoticeStillDue(pack, about.expiresAt)) return "the pack was used up, ended early or extended";
  }
  return undefined;
}

/**
 * Delivers one mail of a coach's outbox, at most once even when run twice at
 * once (the trigger and the flush): a transaction checks it is due and still
 * true and claims it; the mail goes out; a second transaction records the
 * outcome: sent; refused for good (recorded on the client's record for the
 * coach to see); or refused for now, retried later with backoff.
 */
export async function deliverMail(coachId: string, mailId: string, now: DateTime, transport: EmailTransport): Promise<MailDelivery> {
  const ref = mailOutboxCol(coachId).doc(mailId);
  const claim = await db().runTransaction(async (tx) => {
    const entry = (await tx.get(ref)).data();
    if (!entry || now < entry.notBefore) return undefined;
    const claimed = entry.status === "sending" && entry.claimedAt !== null && now.diff(entry.claimedAt).as("minutes") < CLAIM_MINUTES;
    if (claimed || (entry.status !== "pending" && entry.status !== "sending")) return undefined;
    if (entry.attempts >= MAX_MAIL_ATTEMPTS) {
      // Sends that kept dying midway (claims that never came back): given up like repeated refusals.
      tx.set(ref, finished(entry, "failed", now, entry.note ?? "no send completed"));
      return "failed" as const;
    }
    const client = (await tx.get(clientRecordRef(coachId, entry.clientUid))).data();
    const drop = await reasonToDrop(tx, coachId, entry, client);
    if (drop || !client) {
      tx.set(ref, finished(entry, "dropped", now, drop ?? null));
      return "dropped" as const;
    }
    const sending: MailOutboxEntry = { ...entry, status: "sending", claimedAt: now, attempts: entry.attempts + 1 };
    tx.set(ref, sending);
    return { entry: sending, client };
  });
  if (!claim) return "not_due";
  if (claim === "dropped" || claim === "failed") return claim;

  const outcome = await composeAndSend(coachId, mailId, claim, now, transport);
  const address = claim.client.email;

  return db().runTransaction(async (tx): Promise<MailDelivery> => {
    const current = (await tx.get(ref)).data();
    if (!current) return "not_due";
    const clientRef = clientRecordRef(coachId, current.clientUid);
    const client = (await tx.get(clientRef)).data();
    if (outcome.sent) {
      tx.set(ref, finished(current, "sent", now, null));
      if (client?.mailProblem) tx.set(clientRef, { ...client, mailProblem: null });
      return "sent";
    }
    if (outcome.permanent || current.attempts >= MAX_MAIL_ATTEMPTS) {
      tx.set(ref, finished(current, "failed", now, outcome.reason.slice(0, 300)));
      if (client) tx.set(clientRef, { ...client, mailProblem: { address, reason: outcome.reason.slice(0, 300), at: now } });
      return "failed";
    }
    tx.set(ref, { ...current, status: "pending", claimedAt: null, notBefore: now.plus(mailBackoff(current.attempts)), note: outcome.reason.slice(0, 300) });
    return "retry";
  });
}

/** Composes and sends a claimed mail; a mail that cannot even be composed (the coach's account unreadable for now) is a passing failure, retried like one. */
async function composeAndSend(
  coachId: string,
  mailId: string,
  claim: { entry: MailOutboxEntry; client: ClientRecord },
  now: DateTime,
  transport: EmailTransport,
): Promise<SendOutcome> {
  try {
    const coach = (await coachRef(coachId).get()).data();
    if (!coach) return { sent: false, permanent: true, reason: "the coach no longer exists" };
    return await transport.send(await composeMail({ coachId, coach, mailId, entry: claim.entry, client: claim.client, now }));
  } catch (error) {
    return { sent: false, permanent: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Sweeps the mails due at `now` (reminders whose time came, retries whose
 * backoff is over, claims that died), in pages, handing each page on as
 * "coachId/mailId" paths. Returns how many it handed on.
 */
export function sweepDueMail(now: DateTime, handOn: (paths: string[]) => Promise<void>): Promise<number> {
  const due = mailOutboxGroup()
    .where("status", "in", ["pending", "sending"])
    .where("notBefore", "<=", Timestamp.fromMillis(now.toMillis()))
    .orderBy("notBefore");
  return sweep(due, (page) => handOn(page.map((doc) => `${coachOf(doc)}/${doc.id}`)));
}

/** Delivers the mails named by "coachId/mailId" paths, a few at a time; returns how many went out. */
export async function deliverMailPaths(paths: readonly string[], now: DateTime, transport: EmailTransport): Promise<number> {
  let sent = 0;
  await bounded(paths, PARALLEL_SENDS, async (path) => {
    const [coachId = "", mailId = ""] = path.split("/");
    if ((await deliverMail(coachId, mailId, now, transport)) === "sent") sent += 1;
  });
  return sent;
}

/** Delivers every mail due at `now` right here (tests; deployed, a sweep hands them to tasks). */
export async function flushDueMail(now: DateTime, transport: EmailTransport): Promise<number> {
  let sent = 0;
  await sweepDueMail(now, async (paths) => {
    const delivered = await deliverMailPaths(paths, now, transport);
    sent += delivered;
  });
  return sent;
}
