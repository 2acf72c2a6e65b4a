import { DateTime } from "luxon";
import * as z from "zod";
import type { Booking } from "./booking.js";
import type { LedgerEntry, Pack, WithId } from "./packs.js";
import { PaymentRecord, PaymentSummary, clientAccount } from "./payments.js";
import { Instant } from "./time.js";

/**
 * The targets a client still owes money on: packs once sold (not pending a
 * checkout), and singly paid bookings that stand (not held, not cancelled in
 * time). Their unpaid rest is the client's open amount.
 */
export function owedSummaries(packs: Pack[], bookings: Booking[]): PaymentSummary[] {
  return [
    ...packs.filter((p) => p.status !== "pending").map((p) => p.payment),
    ...bookings
      .filter((b) => b.status !== "held" && (b.status !== "cancelled" || b.resolution?.outcome === "charge_kept"))
      .flatMap((b) => (b.payment.method === "single" ? [b.payment] : [])),
  ];
}

/** How many upcoming sessions the read model keeps; enough to roll "next session" forward between writes. */
export const UPCOMING_KEPT = 20;

/** A session on the client's calendar that has not started when the stats were computed. */
export const UpcomingSession = z.object({ bookingId: z.string(), start: Instant, status: z.enum(["requested", "confirmed"]) });
export type UpcomingSession = z.infer<typeof UpcomingSession>;

/**
 * The client read model kept on coaches/{c}/clients/{uid}.stats by the
 * clientStats triggers: the summed figures change by each document change's
 * difference (countsAfterChange, once per change), the sessions view is read
 * again from a few bookings. A full recomputation (computeClientStats)
 * gives the same figures; it is the repair path and the tests' yardstick.
 */
// The summed figures may stand below zero for a moment: a pack's "one unit
// spent" can be counted before its "sold with 10" when the triggers run out
// of order; once both are counted the sum is right (a property test shows it).
export const ClientStats = z.object({
  sessionsCompleted: z.number().int(),
  noShows: z.number().int(),
  lateCancellations: z.number().int(),
  /** Payments minus refunds, in the coach's currency (minor units). */
  revenueMinor: z.number().int(),
  /** What owed packs and singly paid sessions still lack. */
  openMinor: z.number().int(),
  /** Units left in active packs. */
  packBalance: z.number().int(),
  /** Start of the latest session that took place (completed, or confirmed and started). */
  lastSessionAt: Instant.nullable(),
  /** Requested and confirmed sessions not started yet, soonest first (at most UPCOMING_KEPT). */
  upcoming: z.array(UpcomingSession),
  /** When the stats last changed: the latest change applied, or the read time of a recomputation. */
  asOf: Instant,
  /** Read time of the bookings `upcoming` and `lastSessionAt` come from: an older read never replaces them. */
  viewAsOf: Instant.nullable().default(null),
  /** Read time of the last full recomputation: changes up to it are counted in already. */
  rebuiltAt: Instant.nullable().default(null),
});
export type ClientStats = z.infer<typeof ClientStats>;

/** The figures of ClientStats that are sums over the client's bookings, packs and payments. */
export type StatsCounts = Pick<ClientStats, "sessionsCompleted" | "noShows" | "lateCancellations" | "revenueMinor" | "openMinor" | "packBalance">;
/** One document a client's figures are made of. */
export type StatsSource = { kind: "booking"; data: Booking } | { kind: "pack"; data: Pack } | { kind: "payment"; data: PaymentRecord };

export const NO_COUNTS: StatsCounts = { sessionsCompleted: 0, noShows: 0, lateCancellations: 0, revenueMinor: 0, openMinor: 0, packBalance: 0 };

/** What one booking, pack or payment adds to its client's summed figures. */
export function countsOf(source: StatsSource): StatsCounts {
  switch (source.kind) {
    case "booking": {
      const booking = source.data;
      return {
        ...NO_COUNTS,
        sessionsCompleted: booking.status === "completed" ? 1 : 0,
        noShows: booking.status === "no_show" ? 1 : 0,
        lateCancellations: isLateCancellation(booking) ? 1 : 0,
        openMinor: clientAccount([], owedSummaries([], [booking])).openMinor,
      };
    }
    case "pack":
      return {
        ...NO_COUNTS,
        packBalance: source.data.status === "active" ? source.data.remaining : 0,
        openMinor: clientAccount([], owedSummaries([source.data], [])).openMinor,
      };
    case "payment":
      return { ...NO_COUNTS, revenueMinor: clientAccount([source.data], []).revenueMinor };
  }
}

/** The summed figures after one document changed from `before` to `after` (absent: not the client's, or not there). */
export function countsAfterChange(counts: StatsCounts, before: StatsSource | undefined, after: StatsSource | undefined): StatsCounts {
  const was = before ? countsOf(before) : NO_COUNTS;
  const is = after ? countsOf(after) : NO_COUNTS;
  const next = { ...counts };
  for (const key of Object.keys(NO_COUNTS) as (keyof StatsCounts)[]) next[key] = counts[key] - was[key] + is[key];
  return next;
}

/**
 * The figures a few bookings decide: the upcoming sessions (the client's
 * first UPCOMING_KEPT requested or confirmed sessions after `now`, soonest
 * first) and the last session that took place (the latest completed, or
 * confirmed and started, at or before `now`).
 */
export function sessionsView(upcoming: WithId<Booking>[], last: Booking | undefined): Pick<ClientStats, "upcoming" | "lastSessionAt"> {
  return {
    upcoming: upcoming
      .slice(0, UPCOMING_KEPT)
      .map(({ id, data }) => ({ bookingId: id, start: data.startsAt, status: data.status === "requested" ? ("requested" as const) : ("confirmed" as const) })),
    lastSessionAt: last?.startsAt ?? null,
  };
}

/** A mail the client's address refused for good (no such mailbox, …). */
export const MailProblem = z.object({ address: z.string(), reason: z.string().max(300), at: Instant });
export type MailProblem = z.infer<typeof MailProblem>;

/** A text field that may be missing or null in older or partial records: "". */
const optionalText = z
  .string()
  .nullish()
  .transform((value) => value ?? "");

/**
 * A coach's client: contact, private notes and the stats read model. The
 * record may hold only `stats` (the trigger creates it with a merge when a
 * client books before anybody wrote their name), so every field has a default.
 */
export const ClientRecord = z.object({
  name: optionalText,
  email: optionalText,
  phone: optionalText,
  notes: optionalText,
  /** Street, postcode and town for the client's invoices, one per line ("" unknown). */
  billingAddress: optionalText,
  /** The language and zone the client booked in: their e-mails speak and show times in them (null: the coach's). */
  language: z.enum(["en", "de"]).nullable().default(null),
  timeZone: z.string().nullable().default(null),
  /** The client unsubscribed from reminders (one-click link); confirmations and receipts still go out. */
  remindersOff: z.boolean().default(false),
  /** The last mail the client's address refused for good, shown to the coach until a mail gets through. */
  mailProblem: MailProblem.nullable().default(null),
  stats: ClientStats.nullable().default(null),
  /** Where the record sorts in the coach's list (clientSortKey of the name): written with every name, listClients pages on it. */
  sortKey: z.string().default(""),
});
export type ClientRecord = z.infer<typeof ClientRecord>;

/** Client ids that stand for an erased client in kept bookkeeping records (see privacy.ts); they have no record. */
export const PSEUDONYM_PREFIX = "erased-";

/** True for the pseudonym of an erased client. */
export const isPseudonym = (clientUid: string) => clientUid.startsWith(PSEUDONYM_PREFIX);

/**
 * A late cancellation is a client's cancellation the policy charged (counted
 * as used, charge kept) and the coach did not waive: a waiver says the
 * reason was good (illness, a closed court), so it does not count against
 * the client.
 */
function isLateCancellation(booking: Booking): boolean {
  const r = booking.resolution;
  return r !== null && r.kind === "cancelled" && r.by === "client" && (r.outcome === "counted_as_used" || r.outcome === "charge_kept");
}

/** True when the session took place or is taking place at `now`: marked completed, or confirmed and started. */
const tookPlace = (booking: Booking, now: DateTime) => booking.status === "completed" || (booking.status === "confirmed" && booking.startsAt <= now);

/**
 * Recomputes a client's stats from all their bookings, payments and packs
 * with one coach. `now` splits past and upcoming sessions; `asOf` is the read
 * time of the inputs. Sessions completed counts bookings the coach marked
 * completed; a no-show or a cancelled session is never the last session.
 */
export function computeClientStats(args: {
  bookings: WithId<Booking>[];
  payments: PaymentRecord[];
  packs: Pack[];
  now: DateTime;
  asOf: DateTime;
}): ClientStats {
  const { now } = args;
  const bookings = args.bookings.map((b) => b.data);
  const past = bookings.filter((b) => tookPlace(b, now)).map((b) => b.startsAt);
  const upcoming = args.bookings
    .filter(({ data: b }) => (b.status === "confirmed" || b.status === "requested") && b.startsAt > now)
    .sort((a, b) => a.data.startsAt.toMillis() - b.data.startsAt.toMillis() || a.id.localeCompare(b.id))
    .slice(0, UPCOMING_KEPT)
    .map(({ id, data }) => ({ bookingId: id, start: data.startsAt, status: data.status === "requested" ? ("requested" as const) : ("confirmed" as const) }));
  const account = clientAccount(args.payments, owedSummaries(args.packs, bookings));
  return {
    sessionsCompleted: bookings.filter((b) => b.status === "completed").length,
    noShows: bookings.filter((b) => b.status === "no_show").length,
    lateCancellations: bookings.filter(isLateCancellation).length,
    revenueMinor: account.revenueMinor,
    openMinor: account.openMinor,
    packBalance: args.packs.filter((p) => p.status === "active").reduce((sum, p) => sum + p.remaining, 0),
    lastSessionAt: past.reduce<DateTime | null>((latest, start) => (latest === null || start > latest ? start : latest), null),
    upcoming,
    asOf: args.asOf,
    viewAsOf: args.asOf,
    rebuiltAt: args.asOf,
  };
}

/** The stats as coach screens show them, at `now`. */
export interface StatsAt {
  sessionsCompleted: number;
  noShows: number;
  lateCancellations: number;
  revenueMinor: number;
  openMinor: number;
  packBalance: number;
  lastSessionAt: DateTime | null;
  nextSession: UpcomingSession | null;
  asOf: DateTime | null;
}

/**
 * Rolls the read model forward to `now` without a write: a confirmed session
 * that has started since becomes the last session, and the next one is the
 * first that has not started. Computed Mon 09:00 with sessions Tue 18:00 and
 * Thu 18:00 (confirmed), read Wed 12:00 → last Tue 18:00, next Thu 18:00.
 * A request whose time passed unconfirmed is neither. No stats yet → zeros.
 */
export function statsAt(stats: ClientStats | null, now: DateTime): StatsAt {
  if (!stats) {
    return {
      sessionsCompleted: 0,
      noShows: 0,
      lateCancellations: 0,
      revenueMinor: 0,
      openMinor: 0,
      packBalance: 0,
      lastSessionAt: null,
      nextSession: null,
      asOf: null,
    };
  }
  const started = stats.upcoming.filter((s) => s.status === "confirmed" && s.start <= now).map((s) => s.start);
  const lastSessionAt = [stats.lastSessionAt, ...started].reduce<DateTime | null>(
    (latest, start) => (start && (!latest || start > latest) ? start : latest),
    null,
  );
  const { upcoming: _upcoming, lastSessionAt: _last, viewAsOf: _view, rebuiltAt: _rebuilt, ...counts } = stats;
  return { ...counts, lastSessionAt, nextSession: stats.upcoming.find((s) => s.start > now) ?? null };
}

/** Folds case and accents: "Jürgen" and "jurgen" match. */
const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

/** Records without a name sort after every name. */
const NO_NAME_KEY = "\uffff";

/** Where a client sorts in the coach's list: the name with case and accents folded; no name last. */
export const clientSortKey = (name: string): string => (name.trim() === "" ? NO_NAME_KEY : fold(name.trim()));

/** A client's name as a record stores it: every write of a name writes its sort key too. */
export const namedRecord = (name: string) => ({ name, sortKey: clientSortKey(name) });

/** True when the query (trimmed, case- and accent-insensitive) is part of the client's name, email or phone; an empty query matches all. */
export function matchesQuery(client: Pick<ClientRecord, "name" | "email" | "phone">, query: string): boolean {
  const wanted = fold(query.trim());
  return wanted === "" || [client.name, client.email, client.phone].some((field) => fold(field).includes(wanted));
}

/** One line of a client's history: a session, a money movement or a change of units. */
export type TimelineItem =
  | { type: "booking"; id: string; at: DateTime; booking: Booking }
  | { type: "payment"; id: string; at: DateTime; record: PaymentRecord }
  | { type: "ledger"; id: string; at: DateTime; packId: string; packName: string; entry: LedgerEntry };

/**
 * A page of a client's timeline reads, from the page's end back, at most this
 * many sessions and payments, and the ledgers of this many packs (the latest
 * bought by then; a client does not use more at a time).
 */
export const TIMELINE_PAGE = { items: 50, packs: 20 } as const;

/**
 * One page of the timeline from sources read newest first up to a limit.
 * Where a source was cut, its oldest item is a horizon: below it the page
 * may lack that source's older items. So the page keeps what lies after the
 * latest horizon, and the next page ends at that horizon (inclusive: the
 * items at the horizon's instant are the next page's), or null when no
 * source was cut.
 */
export function timelinePage(items: TimelineItem[], horizons: DateTime[]): { items: TimelineItem[]; olderBefore: DateTime | null } {
  const horizon = horizons.reduce<DateTime | null>((latest, time) => (!latest || time > latest ? time : latest), null);
  return { items: horizon ? items.filter((item) => item.at > horizon) : items, olderBefore: horizon };
}

const TYPE_ORDER: Record<TimelineItem["type"], number> = { booking: 0, payment: 1, ledger: 2 };

/**
 * The client's single history, newest first: sessions at their start (so
 * upcoming ones lead), payments and ledger entries when they happened. Equal
 * instants keep a fixed order (session, payment, ledger, then id).
 */
export function clientTimeline(args: {
  bookings: WithId<Booking>[];
  payments: WithId<PaymentRecord>[];
  ledger: { packId: string; packName: string; entries: WithId<LedgerEntry>[] }[];
}): TimelineItem[] {
  const items: TimelineItem[] = [
    ...args.bookings.map(({ id, data }) => ({ type: "booking" as const, id, at: data.startsAt, booking: data })),
    ...args.payments.map(({ id, data }) => ({ type: "payment" as const, id, at: data.at, record: data })),
    ...args.ledger.flatMap(({ packId, packName, entries }) =>
      entries.map(({ id, data }) => ({ type: "ledger" as const, id: `${packId}/${id}`, at: data.at, packId, packName, entry: data })),
    ),
  ];
  return items.sort((a, b) => b.at.toMillis() - a.at.toMillis() || TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || a.id.localeCompare(b.id));
}
