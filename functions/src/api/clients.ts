// The coach's clients: the list, one client's history and notes, messages, export and erasure.

import * as z from "zod";
import { BookingResolution, BookingStatus, CancellationOutcome } from "../domain/booking.js";
import { DocId } from "../domain/ids.js";
import { LedgerReason } from "../domain/packs.js";
import { PaymentMethod, PaymentState, PaymentTarget } from "../domain/payments.js";
import { ErasureReport } from "../domain/privacy.js";
import { IsoInstant } from "../domain/time.js";
import { ClientRefInput, RequestId, SavedResult } from "./common.js";
import { Contact } from "./booking.js";
import { LedgerFactsView } from "./packs.js";
import type { Calls } from "./contract.js";

/** A client's figures as coach screens show them, rolled forward to the time of the call (domain/clients.ts statsAt). */
export const ClientStatsView = z.object({
  sessionsCompleted: z.number().int(),
  noShows: z.number().int(),
  lateCancellations: z.number().int(),
  revenueMinor: z.number().int(),
  openMinor: z.number().int(),
  packBalance: z.number().int(),
  lastSessionAt: IsoInstant.nullable(),
  nextSession: z.object({ bookingId: z.string(), start: IsoInstant, status: z.enum(["requested", "confirmed"]) }).nullable(),
  /** When the read model was computed; null until the first booking, payment or pack of the client. */
  asOf: IsoInstant.nullable(),
});
export type ClientStatsView = z.infer<typeof ClientStatsView>;

/** A client in the coach's list. */
export const ClientSummary = z.object({ uid: z.string(), name: z.string(), email: z.string(), phone: z.string(), stats: ClientStatsView });
export type ClientSummary = z.infer<typeof ClientSummary>;

/** Where a page of the client list ends: the last client's sort key and uid (pass it back as `after`). */
export const ClientsCursor = z.object({ key: z.string().max(400), uid: DocId });
export type ClientsCursor = z.infer<typeof ClientsCursor>;

/**
 * listClients (coach): a page of clients in name order, from after `after`,
 * optionally those whose name, email or phone contains `query`.
 */
export const ListClientsInput = z.object({
  coachId: DocId,
  query: z.string().trim().max(100).default(""),
  after: ClientsCursor.optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type ListClientsInput = z.infer<typeof ListClientsInput>;

/**
 * listClients result, sorted by name; money in `currency`. `next` continues
 * the list (null: nothing after); a search reads at most 500 records a call,
 * so it may return fewer than `limit` with a `next` to search further.
 * `total` counts all the coach's clients.
 */
export const ListClientsResult = z.object({
  currency: z.string(),
  clients: z.array(ClientSummary),
  next: ClientsCursor.nullable(),
  total: z.number().int().nonnegative(),
});
export type ListClientsResult = z.infer<typeof ListClientsResult>;

/** One line of a client's timeline: a session, a payment or refund, or a change of pack units. */
export const TimelineEntryView = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("booking"),
    id: z.string(),
    /** The session's start. */
    at: IsoInstant,
    status: BookingStatus,
    offeringId: z.string(),
    offeringTitle: z.string(),
    locationName: z.string(),
    start: IsoInstant,
    end: IsoInstant,
    payment: z.object({
      method: z.enum(["pack", "single"]),
      packId: z.string().nullable(),
      state: PaymentState.nullable(),
      amountDueMinor: z.number().int().nullable(),
      paidMinor: z.number().int().nullable(),
    }),
    /** What a cancellation, no-show or waiver did, as the ledger says it (English); null otherwise. */
    sentence: z.string().nullable(),
    /** The same as facts, for pages to say in their language ("system": a checkout that ended unpaid); null otherwise. */
    resolution: z
      .object({
        kind: BookingResolution.shape.kind,
        by: z.enum(["client", "coach", "system"]),
        outcome: CancellationOutcome,
        minutesBefore: z.number().int().nullable(),
        waiverLabel: z.string().nullable(),
      })
      .nullable(),
    /** What the client wrote when booking. */
    note: z.string(),
    /** The start before the latest move (null: never moved). */
    movedFrom: IsoInstant.nullable(),
  }),
  z.object({
    type: z.literal("payment"),
    id: z.string(),
    at: IsoInstant,
    kind: z.enum(["payment", "refund"]),
    method: PaymentMethod,
    wallet: z.string().nullable(),
    amountMinor: z.number().int(),
    currency: z.string(),
    target: PaymentTarget,
    reference: z.string(),
  }),
  z.object({
    type: z.literal("ledger"),
    /** "{packId}/{entryId}" */
    id: z.string(),
    at: IsoInstant,
    packId: z.string(),
    packName: z.string(),
    delta: z.number().int(),
    reason: LedgerReason,
    sentence: z.string(),
    /** The sentence without its leading delta (the delta is the field above): what pages show of an entry without facts. */
    words: z.string(),
    bookingId: z.string().nullable(),
    ...LedgerFactsView.shape,
  }),
]);
export type TimelineEntryView = z.infer<typeof TimelineEntryView>;

/** getClientDetail (coach): one client; `before` asks for the page of history ending at that instant (a result's `olderBefore`). */
export const ClientDetailInput = ClientRefInput.extend({ before: IsoInstant.optional() });
export type ClientDetailInput = z.infer<typeof ClientDetailInput>;

/** getClientDetail result: the record with private notes, the figures, and one page of the timeline, newest first. */
export const ClientDetailResult = z.object({
  client: z.object({
    uid: z.string(),
    name: z.string(),
    email: z.string(),
    phone: z.string(),
    notes: z.string(),
    /** The last mail the client's address refused for good, until one gets through. */
    mailProblem: z.object({ address: z.string(), reason: z.string(), at: IsoInstant }).nullable(),
    /** The client stopped reminder e-mails. */
    remindersOff: z.boolean(),
  }),
  currency: z.string(),
  stats: ClientStatsView,
  /** The history newest first, back to `olderBefore`. */
  timeline: z.array(TimelineEntryView),
  /** More history ends at this instant: ask again with it as `before` (null: the timeline is complete). */
  olderBefore: IsoInstant.nullable(),
});
export type ClientDetailResult = z.infer<typeof ClientDetailResult>;

/** saveClientNotes (coach): replaces the private notes on a client (only the coach ever reads them). */
export const SaveClientNotesInput = ClientRefInput.extend({ notes: z.string().max(10_000) });
export type SaveClientNotesInput = z.infer<typeof SaveClientNotesInput>;

/** sendMessage (coach or client): the coach names the client; a client writes into their own thread. requestId is the message id. */
export const SendMessageInput = z.object({ requestId: RequestId, coachId: DocId, clientUid: DocId.optional(), text: z.string().trim().min(1).max(2000) });
export type SendMessageInput = z.infer<typeof SendMessageInput>;

/** The message as stored: coaches/{coachId}/threads/{clientUid}/messages/{messageId}. */
export const SendMessageResult = z.object({ messageId: z.string(), clientUid: z.string(), from: z.enum(["coach", "client"]), at: IsoInstant });
export type SendMessageResult = z.infer<typeof SendMessageResult>;

/** markThreadRead (coach or client): the caller has read the thread; the coach names the client, a client marks their own. */
export const MarkThreadReadInput = z.object({ coachId: DocId, clientUid: DocId.optional() });
export type MarkThreadReadInput = z.infer<typeof MarkThreadReadInput>;

/** markThreadRead result: the thread, now with nothing unread for the caller. */
export const MarkThreadReadResult = z.object({ clientUid: z.string(), unread: z.literal(0) });
export type MarkThreadReadResult = z.infer<typeof MarkThreadReadResult>;

const JsonObject = z.record(z.string(), z.unknown());

/** exportClientData (coach): everything held about one client, as JSON (instants in ISO, UTC). */
export const ClientExportResult = z.object({
  format: z.literal("solocoach.client-export.v1"),
  exportedAt: IsoInstant,
  coach: z.object({ coachId: z.string(), name: z.string() }),
  client: JsonObject,
  bookings: z.array(JsonObject),
  packs: z.array(JsonObject),
  payments: z.array(JsonObject),
  /** Invoices, receipts and credit notes issued to the client. */
  documents: z.array(JsonObject),
  messages: z.array(JsonObject),
  reviews: z.array(JsonObject),
});
export type ClientExportResult = z.infer<typeof ClientExportResult>;

/** deleteClient (coach): what was removed, what was kept (pseudonymised) and why, and until when. */
export const DeleteClientResult = ErasureReport;
export type DeleteClientResult = z.infer<typeof DeleteClientResult>;

/** The callables of this area: each name with its input and result. */
/**
 * addClient (coach): a new client, by name, who rang or wrote; e-mail and
 * phone optional. With an e-mail the client gets an account (and mails) and
 * a known address finds the existing one; without, a record only the coach
 * keeps. requestId makes retries safe.
 */
export const AddClientInput = z.object({
  requestId: RequestId,
  coachId: DocId,
  name: z.string().trim().min(1).max(100),
  email: z.union([z.literal(""), z.email().max(254)]).default(""),
  phone: Contact.shape.phone,
});
export type AddClientInput = z.infer<typeof AddClientInput>;

/** addClient result: the client, as the client list shows them. */
export const AddClientResult = z.object({ client: ClientSummary });
export type AddClientResult = z.infer<typeof AddClientResult>;

export const clientCalls = {
  listClients: { input: ListClientsInput, result: ListClientsResult },
  addClient: { input: AddClientInput, result: AddClientResult },
  getClientDetail: { input: ClientDetailInput, result: ClientDetailResult },
  saveClientNotes: { input: SaveClientNotesInput, result: SavedResult },
  sendMessage: { input: SendMessageInput, result: SendMessageResult },
  markThreadRead: { input: MarkThreadReadInput, result: MarkThreadReadResult },
  exportClientData: { input: ClientRefInput, result: ClientExportResult },
  deleteClient: { input: ClientRefInput, result: DeleteClientResult },
} satisfies Calls;
