// A coach's own Stripe account (Stripe Connect, Standard): online payments
// are charged on it directly, so the money never passes through SoloCoach.
// What Stripe says about the account arrives by webhook (account.updated,
// account.application.deauthorized), possibly out of order, or by a direct
// look when the coach returns from onboarding.
import { DateTime } from "luxon";
import * as z from "zod";
import { IsoInstant, iso } from "./time.js";

/** What SoloCoach keeps of the coach's account. */
export const StripeAccount = z.object({
  accountId: z.string().regex(/^acct_\w+$/),
  chargesEnabled: z.boolean(),
  detailsSubmitted: z.boolean(),
  /** Stripe's `requirements.currently_due`: what the coach still has to provide. */
  requirementsDue: z.array(z.string()).default([]),
  /** The coach disconnected SoloCoach from the account in Stripe. */
  disconnected: z.boolean().default(false),
  /** When Stripe said this (ISO, UTC; a string, so the coach's own screens parse it too): older news never overwrites newer. */
  asOf: IsoInstant,
});
export type StripeAccount = z.infer<typeof StripeAccount>;

/** How far the coach is: no account (or disconnected), Stripe needs something, or charges can be taken. */
export const OnlinePayments = z.enum(["not_connected", "action_needed", "ready"]);
export type OnlinePayments = z.infer<typeof OnlinePayments>;

/** The state shown to the coach and deciding whether clients may pay online. */
export function onlinePayments(account: StripeAccount | null): OnlinePayments {
  if (!account || account.disconnected) return "not_connected";
  return account.chargesEnabled ? "ready" : "action_needed";
}

/** Stripe's news about an account, as the webhook or a direct look reports it. */
export interface AccountNews {
  accountId: string;
  chargesEnabled: boolean;
  detailsSubmitted: boolean;
  requirementsDue: string[];
  disconnected: boolean;
  at: DateTime;
}

/**
 * The account after some news, or undefined when the news changes nothing:
 * it is about another account, says what is kept already, or is older than
 * what is kept (a late account.updated never undoes a later disconnection or
 * a newer state). Stripe dates events to the second, so news of the same
 * second as the kept state is taken as newer.
 */
export function accountAfter(current: StripeAccount | null, news: AccountNews): StripeAccount | undefined {
  if (current && current.accountId !== news.accountId) return undefined;
  if (current && news.at.toUTC().startOf("second") < DateTime.fromISO(current.asOf).toUTC().startOf("second")) return undefined;
  const { at, ...state } = news;
  const next = { ...state, asOf: iso(at.toUTC()) };
  const same = current && JSON.stringify({ ...current, asOf: "" }) === JSON.stringify({ ...next, asOf: "" });
  return same ? undefined : next;
}

/** A new account the coach has just connected: nothing heard from Stripe yet, so any news about it is newer. */
export function newAccount(accountId: string): StripeAccount {
  return { accountId, chargesEnabled: false, detailsSubmitted: false, requirementsDue: [], disconnected: false, asOf: "1970-01-01T00:00:00.000Z" };
}

/** The platform's fee on an online payment of `amountMinor`, rounded to the minor unit. */
export const platformFee = (amountMinor: number, basisPoints: number): number => Math.round((amountMinor * basisPoints) / 10_000);

/** How long a payment link the coach sends stays payable: Stripe's longest checkout lifetime is 24 h. */
export const PAYMENT_LINK_HOURS = 23;
