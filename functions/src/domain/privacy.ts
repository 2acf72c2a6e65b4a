import { DateTime } from "luxon";
import * as z from "zod";
import type { Booking } from "./booking.js";
import { PSEUDONYM_PREFIX, owedSummaries } from "./clients.js";
import { DomainError } from "./errors.js";
import type { LedgerEntry, Pack, WithId } from "./packs.js";
import type { InvoiceDocument } from "./invoices.js";
import { PaymentRecord, clientAccount } from "./payments.js";
import { Result, fail, ok } from "./result.js";

/**
 * Years the accounting records of an erased client are kept, counted from
 * the end of the calendar year of the latest record (§147 Abs. 4 AO). Books
 * and records: 10 years (§147 Abs. 1 Nr. 1, Abs. 3 AO; §257 Abs. 1 Nr. 1,
 * Abs. 4 HGB); vouchers (Buchungsbelege) 8 years since 2025. We keep all of
 * them for the longer period rather than sort them; this is not legal advice.
 */
export const RETENTION_YEARS = 10;

/** Kinds of bookkeeping records kept (pseudonymised) when a client is erased. */
export const KeptRecords = z.enum(["bookings", "packs", "ledger", "payments", "invoices"]);
export type KeptRecords = z.infer<typeof KeptRecords>;

/** What an erasure removed and kept, and until when the kept records must stay: returned to the coach and stored. */
export const ErasureReport = z.object({
  clientUid: z.string(),
  /** The id that stands for the client in the kept records from now on. */
  pseudonym: z.string(),
  erasedAt: z.string(),
  removed: z.object({
    clientRecord: z.boolean(),
    messages: z.number().int().min(0),
    reviews: z.number().int().min(0),
    notifications: z.number().int().min(0),
    /** E-mails to the client, waiting or sent (reports written before they were counted: 0). */
    mails: z.number().int().min(0).default(0),
  }),
  kept: z.array(z.object({ records: KeptRecords, count: z.number().int().min(0), why: z.string() })),
  /** The last day the kept records must be kept (ISO date), null when nothing was kept. */
  retainUntil: z.string().nullable(),
});
export type ErasureReport = z.infer<typeof ErasureReport>;

/** coaches/{c}/erasures/{clientUid}: that a client was erased, when, by whom, and the report (no name, no contact). */
export const Erasure = z.object({ byUid: z.string().min(1), report: ErasureReport });
export type Erasure = z.infer<typeof Erasure>;

/** Why each kind of record outlives the erasure; shown to the coach in the report. */
const WHY: Record<KeptRecords, string> = {
  bookings:
    "Sessions given and cancelled are the basis of the charges and of the pack ledger (accounting records, §147 AO, §257 HGB). Kept under the pseudonym, without name, contact or the client's booking note.",
  packs: "Packs sold are sales with their amounts and payment state (§147 AO, §257 HGB). Kept under the pseudonym.",
  ledger:
    "Every change of units is an append-only accounting entry and is never edited; the entries carry no contact data (a transfer's line names the clients involved).",
  payments: "Payments and refunds are accounting vouchers (Buchungsbelege, §147 Abs. 1 Nr. 4 AO, §257 Abs. 1 Nr. 4 HGB). Kept under the pseudonym.",
  invoices:
    "Invoices, receipts and credit notes must be kept as issued (§14b UStG, §147 AO): they still name the client as billed; only the account's link to them is replaced by the pseudonym.",
};

/** What the shell writes for an erasure: the kept records under the pseudonym, and the report's kept part. */
export interface ErasurePlan {
  bookings: WithId<Booking>[];
  packs: WithId<Pack>[];
  payments: WithId<PaymentRecord>[];
  documents: WithId<InvoiceDocument>[];
  kept: ErasureReport["kept"];
  retainUntil: string | null;
}

/** The pseudonym of an erased client, from a random token the shell draws: "erased-3f9c…". */
export const pseudonymFor = (token: string) => `${PSEUDONYM_PREFIX}${token}`;

/**
 * Decides whether a client's personal data can be erased now, and what is
 * kept. Erasure is refused (CLIENT_HAS_OPEN_BUSINESS, with the counts) while
 * the client has sessions still to come, owes money, or holds unused units
 * of a valid pack: those need the person (to meet, to collect — GDPR Art.
 * 17(3)(e) — or to refund prepaid units), so the coach settles them first
 * (cancelBooking, recordPayment, voidPack). Otherwise bookings, packs and
 * payments are kept under a pseudonym that nothing links back to the
 * person, ledger entries are kept unchanged, and the report says why and
 * until when (end of the year of the latest record + RETENTION_YEARS).
 */
export function decideErasure(args: {
  bookings: WithId<Booking>[];
  packs: WithId<Pack>[];
  payments: WithId<PaymentRecord>[];
  documents: WithId<InvoiceDocument>[];
  ledger: LedgerEntry[];
  pseudonym: string;
  timeZone: string;
  now: DateTime;
}): Result<ErasurePlan, DomainError> {
  const { now, pseudonym } = args;
  const upcomingBookings = args.bookings.filter(
    ({ data: b }) => (b.status === "held" || b.status === "requested" || b.status === "confirmed") && b.startsAt > now,
  ).length;
  const { openMinor } = clientAccount(
    args.payments.map((p) => p.data),
    owedSummaries(
      args.packs.map((p) => p.data),
      args.bookings.map((b) => b.data),
    ),
  );
  const remainingUnits = args.packs.filter(({ data: p }) => p.status === "active" && p.expiresAt > now).reduce((sum, p) => sum + p.data.remaining, 0);
  if (upcomingBookings > 0 || openMinor > 0 || remainingUnits > 0)
    return fail({ code: "CLIENT_HAS_OPEN_BUSINESS", upcomingBookings, openMinor, remainingUnits });

  const counts: Record<KeptRecords, number> = {
    bookings: args.bookings.length,
    packs: args.packs.length,
    ledger: args.ledger.length,
    payments: args.payments.length,
    invoices: args.documents.length,
  };
  const kept = KeptRecords.options.filter((records) => counts[records] > 0).map((records) => ({ records, count: counts[records], why: WHY[records] }));
  const dates = [
    ...args.bookings.flatMap(({ data: b }) => [b.createdAt, ...(b.resolution ? [b.resolution.at] : []), ...(b.startsAt <= now ? [b.startsAt] : [])]),
    ...args.packs.map((p) => p.data.purchasedAt),
    ...args.payments.map((p) => p.data.at),
    ...args.documents.map((d) => d.data.issuedAt),
    ...args.ledger.map((e) => e.at),
  ];
  const latest = dates.reduce<DateTime | null>((max, at) => (!max || at > max ? at : max), null);
  return ok({
    // A booking's note is the client's own words: it goes with the personal data.
    bookings: args.bookings.map(({ id, data }) => ({ id, data: { ...data, clientUid: pseudonym, note: "" } })),
    packs: args.packs.map(({ id, data }) => ({ id, data: { ...data, clientUid: pseudonym } })),
    payments: args.payments.map(({ id, data }) => ({ id, data: { ...data, clientUid: pseudonym } })),
    documents: args.documents.map(({ id, data }) => ({ id, data: { ...data, clientUid: pseudonym } })),
    kept,
    retainUntil: latest ? (latest.setZone(args.timeZone).endOf("year").plus({ years: RETENTION_YEARS }).toISODate() ?? null) : null,
  });
}

/** A JSON value: what an export holds. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Plain JSON of domain data for an export: instants become ISO strings in UTC, undefined fields are dropped. */
export function toJson(value: unknown): Json {
  if (DateTime.isDateTime(value)) return value.toUTC().toISO() ?? null;
  if (Array.isArray(value)) return value.map(toJson);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, inner]) => inner !== undefined)
        .map(([key, inner]) => [key, toJson(inner)]),
    );
  }
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return null;
}

/** An object of an export, e.g. a booking with its id. */
export function toJsonObject(value: Record<string, unknown>): { [key: string]: Json } {
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, inner]) => inner !== undefined)
      .map(([key, inner]) => [key, toJson(inner)]),
  );
}
