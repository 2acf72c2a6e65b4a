// Formatting shared by the client list and the client screen: money in the
// coach's currency, instants on the coach's wall clock, names that may be empty.
import type { PackView } from "../../../../functions/src/api/packs.js";
import { CallableError } from "../../client/callable.js";
import { messageFor, strings } from "../../i18n/index.js";
import type { AppContext } from "../context.js";
import { formatDay, formatMoney, formatTime } from "../../lib/format.js";
import { clientsText } from "./clients.text.js";

/** €580.00 in the coach's currency and the app's language. */
export const money = (ctx: AppContext, minor: number, currency = ctx.coach.currency) => formatMoney(minor, currency, ctx.locale);

/** "Tue 14 Oct" in the coach's zone. */
export const day = (ctx: AppContext, iso: string) => formatDay(iso, ctx.coach.timeZone, ctx.locale);

/** "Tue 14 Oct, 18:00" in the coach's zone. */
export const dayTime = (ctx: AppContext, iso: string) => `${day(ctx, iso)}, ${formatTime(iso, ctx.coach.timeZone, ctx.locale)}`;

/** The client's name, or a stand-in when the record has none yet. */
export const nameOf = (ctx: AppContext, client: { name: string }) => client.name || clientsText(ctx.lang).noName;

/** Case and accents ignored: "Müller" matches "muller", like listClients' query. */
export const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

/** The server's answer about a pack, in one line: name, units left, expiry, payment state. */
export const packAnswer = (ctx: AppContext, pack: PackView) =>
  clientsText(ctx.lang).donePack(pack.name, pack.remaining, pack.units, day(ctx, pack.expiresAt), strings(ctx.lang).paymentState[pack.paymentState]);

/** Words for a refusal on the coach's side: coach wording where the shared text speaks to clients. */
export function explain(ctx: AppContext, error: CallableError): string {
  const t = clientsText(ctx.lang);
  const { openMinor, refundableMinor } = error.details;
  if (error.reason === "PAYMENT_EXCEEDS_DUE" && typeof openMinor === "number") return t.needAmount(money(ctx, openMinor));
  if (error.reason === "REFUND_EXCEEDS_PAID" && typeof refundableMinor === "number") return t.needAmount(money(ctx, refundableMinor));
  const coachWords: Partial<Record<string, string>> = t.errors;
  return coachWords[error.reason] ?? messageFor(ctx.lang, error.reason);
}

/** Words for any failure: a refusal as explain() has it, anything else as the fallback. */
export const explainAny = (ctx: AppContext, error: unknown) =>
  explain(ctx, error instanceof CallableError ? error : new CallableError("internal", "FALLBACK", {}, ""));
