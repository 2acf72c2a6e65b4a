// What <booking-panel> keeps in this browser (localStorage): the slot chosen
// before leaving to open an emailed sign-in link, which may open in a new
// tab, and the name and phone of the last booking, to fill the form in again.

/** The slot a client chose before leaving to open an emailed sign-in link. */
const PENDING_KEY = "solocoach.pendingBooking";
/** Name and phone of the last booking from this browser, to fill the form in again. */
const CONTACT_KEY = "solocoach.contact";

/** A chosen slot kept while the client opens the link; the requestId makes the later booking the same one. */
export interface Pending {
  coachId: string;
  offeringId: string;
  start: string;
  requestId: string;
}

/** Name and phone as the booking form sends them. */
export interface Contact {
  name: string;
  phone: string;
}

/** Anything stored may have been written by another version of the page: narrowed before use. */
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/** A stored JSON value; null when there is none. */
function stored(key: string): unknown {
  return JSON.parse(localStorage.getItem(key) ?? "null");
}

/** Keeps the chosen slot until the client is back from the link. */
export function savePending(pending: Pending): void {
  localStorage.setItem(PENDING_KEY, JSON.stringify(pending));
}

/** Takes (and forgets) the slot kept for this coach; undefined when there is none, or it was another coach's. */
export function takePending(coachId: string): { offeringId: string | null; start: string; requestId: string } | undefined {
  const pending = stored(PENDING_KEY);
  localStorage.removeItem(PENDING_KEY);
  if (!isRecord(pending) || pending.coachId !== coachId || typeof pending.start !== "string" || typeof pending.requestId !== "string") return undefined;
  return { offeringId: typeof pending.offeringId === "string" ? pending.offeringId : null, start: pending.start, requestId: pending.requestId };
}

/** Remembers the name and phone of a booking for the next one. */
export function rememberContact(contact: Contact): void {
  localStorage.setItem(CONTACT_KEY, JSON.stringify(contact));
}

/** The name and phone of the last booking here; each undefined when not kept. */
export function savedContact(): { name: string | undefined; phone: string | undefined } {
  const saved = stored(CONTACT_KEY);
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  return isRecord(saved) ? { name: text(saved.name), phone: text(saved.phone) } : { name: undefined, phone: undefined };
}
