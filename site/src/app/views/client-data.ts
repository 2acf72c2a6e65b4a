// Realtime and one-off reads of the client screens (the coach may read their
// own collections; the rules deny everyone else): a client's packs with their
// payment summary, the client record (to notice new figures), pack templates,
// and what invoices need (whether the coach set invoicing up, the client's
// billing address).
// Every document is narrowed at the edge; malformed ones are left out.
import { instantOf } from "../../islands/live-reviews.js";
import type { AppContext } from "../context.js";
import type { MoneyState } from "./after.js";

/** A pack as the operations need it (coaches/{c}/packs/{id}). */
export interface PackState {
  id: string;
  name: string;
  units: number;
  remaining: number;
  /** pending | active | expired | refunded */
  status: string;
  expiresAt: string;
  purchasedAt: string;
  transferable: boolean;
  payment: MoneyState & { currency: string; state: string };
}

/** A pack template the coach sells (coaches/{c}/packTemplates/{id}). */
export interface TemplateState {
  id: string;
  name: string;
  units: number;
  priceMinor: number;
  validityMonths: number;
}

/** A session type as the booking form offers it. */
export interface OfferingState {
  id: string;
  title: string;
}

const num = (value: unknown) => (typeof value === "number" && Number.isInteger(value) ? value : undefined);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

function asPack(id: string, data: Record<string, unknown>): PackState | undefined {
  const { name, units, remaining, status, payment } = data;
  const expiresAt = instantOf(data.expiresAt);
  const purchasedAt = instantOf(data.purchasedAt);
  if (
    typeof name !== "string" ||
    num(units) === undefined ||
    num(remaining) === undefined ||
    typeof status !== "string" ||
    !expiresAt ||
    !purchasedAt ||
    !isRecord(payment)
  )
    return undefined;
  const amountDueMinor = num(payment.amountDueMinor);
  if (amountDueMinor === undefined || typeof payment.currency !== "string" || typeof payment.state !== "string") return undefined;
  return {
    id,
    name,
    units: num(units) ?? 0,
    remaining: num(remaining) ?? 0,
    status,
    expiresAt,
    purchasedAt,
    transferable: data.transferable === true,
    payment: {
      amountDueMinor,
      paidMinor: num(payment.paidMinor) ?? 0,
      refundedMinor: num(payment.refundedMinor) ?? 0,
      currency: payment.currency,
      state: payment.state,
    },
  };
}

/** How many of a client's packs their screen shows (the newest). */
const PACKS_SHOWN = 20;

const firestore = () => Promise.all([import("firebase/firestore"), import("../../client/firestore.js")]);

/** The client's packs, active first then newest, now and on every change; resolves to the unsubscribe. */
export async function watchPacks(ctx: AppContext, clientUid: string, onChange: (packs: PackState[]) => void, onError: () => void): Promise<() => void> {
  const [{ collection, limit, onSnapshot, orderBy, query, where }, { clientDb }] = await firestore();
  // The latest bought: a client does not use more packs at a time.
  const packs = query(
    collection(clientDb(), "coaches", ctx.coachId, "packs"),
    where("clientUid", "==", clientUid),
    orderBy("purchasedAt", "desc"),
    limit(PACKS_SHOWN),
  );
  const order = (p: PackState) => (p.status === "active" ? 0 : p.status === "pending" ? 1 : 2);
  return onSnapshot(
    packs,
    (snapshot) =>
      onChange(
        snapshot.docs.flatMap((doc) => asPack(doc.id, doc.data()) ?? []).sort((a, b) => order(a) - order(b) || b.purchasedAt.localeCompare(a.purchasedAt)),
      ),
    onError,
  );
}

/**
 * Calls `onChange` whenever the client record changes after the first read
 * (the stats triggers rewrite it after every booking, payment or pack
 * change), with whether it still exists; resolves to the unsubscribe.
 */
export async function watchRecord(ctx: AppContext, clientUid: string, onChange: (exists: boolean) => void): Promise<() => void> {
  const [{ doc, onSnapshot }, { clientDb }] = await firestore();
  let first = true;
  return onSnapshot(
    doc(clientDb(), "coaches", ctx.coachId, "clients", clientUid),
    (snapshot) => {
      if (first) first = false;
      else onChange(snapshot.exists());
    },
    () => undefined,
  );
}

/** The coach's pack templates, by name. */
export async function loadTemplates(ctx: AppContext): Promise<TemplateState[]> {
  const [{ collection, getDocs }, { clientDb }] = await firestore();
  const snapshot = await getDocs(collection(clientDb(), "coaches", ctx.coachId, "packTemplates"));
  return snapshot.docs
    .flatMap((doc): TemplateState[] => {
      const { name, units, priceMinor, validityMonths } = doc.data();
      const [u, p, v] = [num(units), num(priceMinor), num(validityMonths)];
      return typeof name === "string" && u !== undefined && p !== undefined && v !== undefined
        ? [{ id: doc.id, name, units: u, priceMinor: p, validityMonths: v }]
        : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The coach's session types, in the coach's order (the first is the default). */
export async function loadOfferings(ctx: AppContext): Promise<OfferingState[]> {
  const [[{ collection, getDocs }, { clientDb }], { Offering, inCoachOrder }] = await Promise.all([
    firestore(),
    import("../../../../functions/src/domain/coach.js"),
  ]);
  const snapshot = await getDocs(collection(clientDb(), "coaches", ctx.coachId, "offerings"));
  const offerings = snapshot.docs.flatMap((doc) => {
    const parsed = Offering.safeParse(doc.data());
    return parsed.success ? [{ id: doc.id, data: parsed.data }] : [];
  });
  return inCoachOrder(offerings).map(({ id, data }) => ({ id, title: data.title }));
}

/** Whether the coach has set invoicing up (coaches/{c}.invoicing), and the client's billing address ("" when none). */
export interface InvoicingState {
  invoicing: boolean;
  billingAddress: string;
}

/** Reads the coach's invoicing and the client's billing address once. */
export async function loadInvoicing(ctx: AppContext, clientUid: string): Promise<InvoicingState> {
  const [{ doc, getDoc }, { clientDb }] = await firestore();
  const [coach, record] = await Promise.all([
    getDoc(doc(clientDb(), "coaches", ctx.coachId)),
    getDoc(doc(clientDb(), "coaches", ctx.coachId, "clients", clientUid)),
  ]);
  const address: unknown = record.get("billingAddress");
  return { invoicing: isRecord(coach.get("invoicing")), billingAddress: typeof address === "string" ? address : "" };
}
