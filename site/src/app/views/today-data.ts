// The Today screen's pure part: booking documents narrowed at the edge, the
// agenda (requests, earlier sessions still open, then one group per day in
// the coach's zone) and which actions a session offers at a given moment.
// No Firebase, no clock: the view passes `now` in.
import type { WaiverReason } from "../coach-summary.js";

export type { WaiverReason };

/** A booking as the Today screen shows it (coaches/{c}/bookings/{id}). */
export interface Session {
  id: string;
  clientUid: string;
  offeringId: string;
  start: Date;
  end: Date;
  status: string;
  payment: { method: "pack" } | { method: "single"; amountDueMinor: number; currency: string; state: string };
  /** What a cancellation, no-show or waiver did, as facts the card words in the app's language (the stored sentence is English). */
  resolution: { kind: string; by: string; outcome: string; waiverLabel: string | null } | null;
  note: string;
  /** The weekly series the booking belongs to, if booked as one. */
  seriesId: string | null;
  /** The stored fields as JSON: a changed document gets a new card, an unchanged one keeps its open panel. */
  signature: string;
}

/** What the coach can do with a session now. */
export type SessionAction = "confirm" | "decline" | "cancel" | "cancel_rest" | "reschedule" | "complete" | "no_show" | "waive" | "release";

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;
const text = (value: unknown) => (typeof value === "string" ? value : "");
const whole = (value: unknown) => (typeof value === "number" && Number.isInteger(value) ? value : 0);

/** A Firestore Timestamp (web SDK) without importing the SDK: anything with toDate(). */
function dateOf(value: unknown): Date | undefined {
  if (isRecord(value) && typeof value.toDate === "function") {
    const date: unknown = value.toDate();
    if (date instanceof Date && !Number.isNaN(date.getTime())) return date;
  }
  return undefined;
}

/** Narrows a booking document; undefined when it lacks what the screen needs. */
export function sessionFrom(id: string, data: unknown): Session | undefined {
  if (!isRecord(data)) return undefined;
  const start = dateOf(data.startsAt);
  const end = dateOf(data.endsAt);
  if (!start || !end) return undefined;
  const pay = isRecord(data.payment) ? data.payment : {};
  const payment: Session["payment"] =
    pay.method === "single"
      ? { method: "single", amountDueMinor: whole(pay.amountDueMinor), currency: text(pay.currency), state: text(pay.state) }
      : { method: "pack" };
  const res = isRecord(data.resolution) ? data.resolution : undefined;
  const resolution = res
    ? {
        kind: text(res.kind),
        by: text(res.by),
        outcome: text(res.outcome),
        waiverLabel: isRecord(res.waiver) ? text(res.waiver.label) : null,
      }
    : null;
  const seriesId = typeof data.seriesId === "string" && data.seriesId ? data.seriesId : null;
  const signature = JSON.stringify([start.getTime(), end.getTime(), data.status, payment, resolution, data.note, data.clientUid, data.offeringId, seriesId]);
  return {
    id,
    clientUid: text(data.clientUid),
    offeringId: text(data.offeringId),
    start,
    end,
    status: text(data.status),
    payment,
    resolution,
    note: text(data.note),
    seriesId,
    signature,
  };
}

/** An offering's title and place (coaches/{c}/offerings/{id}); the id stands in for a missing title. */
export function offeringFrom(id: string, data: Record<string, unknown>): { title: string; locationId: string } {
  return { title: typeof data.title === "string" ? data.title : id, locationId: typeof data.locationId === "string" ? data.locationId : "" };
}

/** A late cancellation or a no-show that charged the client and was not waived yet. */
export function isWaivable(session: Session): boolean {
  const r = session.resolution;
  return r !== null && r.waiverLabel === null && (r.outcome === "counted_as_used" || r.outcome === "charge_kept");
}

/**
 * The actions of a session at `now`, as the functions allow them:
 * a request → confirm or decline (only decline once its time has begun);
 * confirmed and ahead → cancel (the coach's cancellation always credits) or reschedule;
 * ahead and of a weekly series → also cancel it with every later session of the series
 * (offered on each: the functions find the later ones, maybe beyond the days shown);
 * confirmed and started → completed or no-show; charged late cancel / no-show → waive;
 * held while the client pays online → release the hold (the checkout ends at once).
 */
export function actionsFor(session: Session, now: Date): SessionAction[] {
  const started = now.getTime() >= session.start.getTime();
  const rest: SessionAction[] = session.seriesId && !started ? ["cancel_rest"] : [];
  if (session.status === "requested") return started ? ["decline"] : ["confirm", "decline", ...rest];
  if (session.status === "confirmed") return started ? ["complete", "no_show"] : ["cancel", ...rest, "reschedule"];
  if (session.status === "held") return ["release"];
  if (isWaivable(session)) return ["waive"];
  return [];
}

/** "2026-11-23": the calendar date of an instant in a zone. */
export function dateIn(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** The screen's groups: requests first, then earlier sessions still to settle, then today and the days ahead. */
export interface Agenda {
  requests: Session[];
  earlier: Session[];
  /** Today always comes first (maybe empty); later days only when something is booked. */
  days: { date: string; sessions: Session[] }[];
}

const byStart = (a: Session, b: Session) => a.start.getTime() - b.start.getTime() || a.id.localeCompare(b.id);

/**
 * Sorts the live reads into the agenda. `sessions` are the bookings around
 * today (from a week ago), `requests` every booking still waiting for the
 * coach (whatever its date). Requests show once, in their own group. Before
 * today only what still needs the coach: a session to mark completed or
 * no-show, a charge to waive.
 */
export function agenda(sessions: Session[], requests: Session[], now: Date, timeZone: string): Agenda {
  const today = dateIn(now, timeZone);
  const days = new Map<string, Session[]>([[today, []]]);
  const earlier: Session[] = [];
  for (const session of [...sessions].sort(byStart)) {
    if (session.status === "requested") continue;
    const date = dateIn(session.start, timeZone);
    if (date < today) {
      if (actionsFor(session, now).length > 0) earlier.push(session);
      continue;
    }
    days.set(date, [...(days.get(date) ?? []), session]);
  }
  return {
    requests: [...requests].filter((r) => r.status === "requested").sort(byStart),
    earlier,
    days: [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, list]) => ({ date, sessions: list })),
  };
}
