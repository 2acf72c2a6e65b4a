import type * as z from "zod";
import { bookingCalls } from "./booking.js";
import { clientCalls } from "./clients.js";
import { coachCalls } from "./coach.js";
import { invoiceCalls } from "./invoices.js";
import { onboardingCalls } from "./onboarding.js";
import { overviewCalls } from "./overview.js";
import { packCalls } from "./packs.js";
import { paymentCalls } from "./payments.js";
import { portalCalls } from "./portal.js";
import { reviewCalls } from "./reviews.js";

/**
 * Every callable's contract, by function name: the one list the functions
 * (functions/src/index.ts exports each name, checked by tests/domain/contract.test.ts),
 * the site's client and the tests' client are derived from. docs/api.md describes it.
 */
export const api = {
  ...bookingCalls,
  ...packCalls,
  ...paymentCalls,
  ...invoiceCalls,
  ...coachCalls,
  ...onboardingCalls,
  ...clientCalls,
  ...reviewCalls,
  ...portalCalls,
  ...overviewCalls,
};

/** A callable's name. */
export type CallName = keyof typeof api;

/** Every callable with what a caller sends (before defaults) and what it answers. */
export type Api = { [N in CallName]: { input: z.input<(typeof api)[N]["input"]>; result: z.output<(typeof api)[N]["result"]> } };
