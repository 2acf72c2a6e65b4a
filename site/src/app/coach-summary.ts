// The coach document (coaches/{id}) as the coach app's screens read it: the
// fields they show, narrowed at the edge with plain checks, so the app shell
// and Today load no schema library. Settings, which edits the whole document,
// parses it with the functions' own Coach schema instead (views/settings-env.ts).

/** A waiver reason of the coach's policy (weather, court closed, …). */
export interface WaiverReason {
  id: string;
  label: string;
}

/** The coach document fields the views use. */
export interface CoachSummary {
  name: string;
  slug: string;
  timeZone: string;
  currency: string;
  locale: string;
  /** Location names by id. */
  locations: Map<string, string>;
  waiverReasons: WaiverReason[];
  /** Online payments go into the coach's Stripe account (domain/stripe-account.ts onlinePayments "ready"). */
  paysOnline: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;
const text = (value: unknown) => (typeof value === "string" ? value : "");
/** The records of an array field, ignoring anything else. */
const listOf = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.filter(isRecord) : []);

/** Narrows the coach document; what is missing or malformed is left empty. */
export function coachSummary(data: unknown): CoachSummary {
  const record = isRecord(data) ? data : {};
  const policy = isRecord(record.cancellationPolicy) ? record.cancellationPolicy : {};
  return {
    name: text(record.name),
    slug: text(record.slug),
    timeZone: text(record.timeZone),
    currency: text(record.currency),
    locale: text(record.locale),
    locations: new Map(listOf(record.locations).flatMap((l) => (typeof l.id === "string" && typeof l.name === "string" ? [[l.id, l.name] as const] : []))),
    waiverReasons: listOf(policy.waiverReasons).flatMap((r) => (typeof r.id === "string" && typeof r.label === "string" ? [{ id: r.id, label: r.label }] : [])),
    paysOnline: isRecord(record.stripeAccount) && record.stripeAccount.chargesEnabled === true && record.stripeAccount.disconnected !== true,
  };
}
