// The coach's own Stripe account: connecting it (Stripe Connect, Standard
// accounts through Account Links), and keeping what Stripe says about it.
import * as logger from "firebase-functions/logger";
import { CoachRefInput, ConnectStripeInput, ConnectStripeResult, StripeAccountResult } from "../../api/payments.js";
import { DomainError } from "../../domain/errors.js";
import { Result, ok } from "../../domain/result.js";
import { AccountNews, StripeAccount, accountAfter, newAccount, onlinePayments } from "../../domain/stripe-account.js";
import { loadOwnCoach } from "../calls/access.js";
import { ClientContext } from "../calls/callable.js";
import { providerUnavailable } from "../calls/http-errors.js";
import { writePublicCoach } from "../coach/public-page.js";
import { siteOrigin } from "../config.js";
import { db } from "../firebase.js";
import { coachRef, stripeAccountRef } from "../firestore/refs.js";
import { paymentGateway } from "./gateway.js";

/**
 * Keeps what Stripe says about a coach's account (webhook or a direct look):
 * "unknown account" when no coach connected it, else whether anything
 * changed and the account as kept now. When online payment turns on or off,
 * the coach's public page follows, so the booking page offers it only while
 * charges can succeed.
 */
export async function applyAccountNews(news: AccountNews): Promise<{ changed: boolean; kept: StripeAccount | null } | "unknown account"> {
  const owner = (await stripeAccountRef(news.accountId).get()).data();
  if (!owner) return "unknown account";
  const result = await db().runTransaction(async (tx) => {
    const coach = (await tx.get(coachRef(owner.coachId))).data();
    const before = coach?.stripeAccount ?? null;
    const next = coach ? accountAfter(before, news) : undefined;
    if (!coach || !next) return { changed: false, before, kept: before };
    tx.set(coachRef(owner.coachId), { ...coach, stripeAccount: next });
    return { changed: true, before, kept: next };
  });
  const ready = (account: StripeAccount | null) => onlinePayments(account) === "ready";
  if (ready(result.before) !== ready(result.kept)) await writePublicCoach(owner.coachId);
  return { changed: result.changed, kept: result.kept };
}

/**
 * Starts or resumes the coach's Stripe onboarding (owner only): a new
 * Standard account the first time (or after a disconnection), named by the
 * requestId at Stripe so a retried call creates no second one; then a link
 * to Stripe's own onboarding, which returns to Settings.
 */
export async function connectStripe(input: ConnectStripeInput, { uid, email }: ClientContext): Promise<Result<ConnectStripeResult, DomainError>> {
  const coach = await db().runTransaction((tx) => loadOwnCoach(tx, input.coachId, uid));
  if (!coach.ok) return coach;
  const current = coach.value.stripeAccount;
  // Back to Settings in the coach's language (/app, /de/app).
  const app = coach.value.locale === "en" ? "/app" : `/${coach.value.locale}/app`;
  const back = (why: string) => `${siteOrigin.value()}${app}?stripe=${why}#/settings`;
  try {
    const gateway = paymentGateway();
    const accountId =
      current && !current.disconnected ? current.accountId : await gateway.createAccount({ email, idempotencyKey: `connect-${input.requestId}` });
    if (accountId !== current?.accountId) await linkAccount(input.coachId, accountId);
    const url = await gateway.onboardingLink({ accountId, refreshUrl: back("refresh"), returnUrl: back("return") });
    return ok({ url });
  } catch (cause) {
    logger.error("the payment provider failed to start onboarding", cause);
    throw providerUnavailable("Stripe cannot be reached right now. Please try again.");
  }
}

/** Keeps a new account as the coach's (not yet able to take charges) and who owns it, for the webhook. */
async function linkAccount(coachId: string, accountId: string): Promise<void> {
  await db().runTransaction(async (tx) => {
    const coach = (await tx.get(coachRef(coachId))).data();
    if (!coach) return;
    tx.set(coachRef(coachId), { ...coach, stripeAccount: newAccount(accountId) });
    tx.set(stripeAccountRef(accountId), { coachId });
  });
}

/** Asks Stripe how the coach's account stands now (owner only), keeps it, and says it. */
export async function refreshStripeAccount(input: CoachRefInput, { uid, now }: ClientContext): Promise<Result<StripeAccountResult, DomainError>> {
  const coach = await db().runTransaction((tx) => loadOwnCoach(tx, input.coachId, uid));
  if (!coach.ok) return coach;
  const current = coach.value.stripeAccount;
  if (!current || current.disconnected) return ok({ state: onlinePayments(current), requirementsDue: [] });
  let seen;
  try {
    seen = await paymentGateway().account(current.accountId);
  } catch (cause) {
    logger.error("the payment provider failed to describe an account", cause);
    throw providerUnavailable("Stripe cannot be reached right now. Please try again.");
  }
  const news = { ...seen, disconnected: false, at: now };
  const applied = await applyAccountNews(news);
  const kept = applied === "unknown account" ? current : applied.kept;
  return ok({ state: onlinePayments(kept), requirementsDue: kept?.requirementsDue ?? [] });
}
