// Sign-up: a new coach with their booking page, and the page's address.

import * as z from "zod";
import { DocId } from "../domain/ids.js";
import { CoachSetup, Slug } from "../domain/onboarding.js";
import { RequestId } from "./common.js";
import type { Calls } from "./contract.js";

/** createCoach (any signed-in account without a coach): the wizard's answers; requestId names the coach. */
export const CreateCoachInput = z.object({ requestId: RequestId, setup: CoachSetup });
export type CreateCoachInput = z.infer<typeof CreateCoachInput>;

/** The new coach and their public address (the page is /{slug}). */
export const CreateCoachResult = z.object({ coachId: z.string(), slug: z.string() });
export type CreateCoachResult = z.infer<typeof CreateCoachResult>;

/** checkSlug (signed in): whether an address is free, as the coach types it. */
export const CheckSlugInput = z.object({ slug: Slug });
export type CheckSlugInput = z.infer<typeof CheckSlugInput>;

/** Free, or why not. */
export const CheckSlugResult = z.object({ slug: z.string(), available: z.boolean(), reason: z.enum(["SLUG_TAKEN", "SLUG_RESERVED"]).nullable() });
export type CheckSlugResult = z.infer<typeof CheckSlugResult>;

/** changeSlug (coach): the page moves to another address; the old one answers 301 and stays the coach's. */
export const ChangeSlugInput = z.object({ coachId: DocId, slug: Slug });
export type ChangeSlugInput = z.infer<typeof ChangeSlugInput>;

/** The page's address now. */
export const ChangeSlugResult = z.object({ slug: z.string() });
export type ChangeSlugResult = z.infer<typeof ChangeSlugResult>;

/** The callables of this area: each name with its input and result. */
export const onboardingCalls = {
  createCoach: { input: CreateCoachInput, result: CreateCoachResult },
  checkSlug: { input: CheckSlugInput, result: CheckSlugResult },
  changeSlug: { input: ChangeSlugInput, result: ChangeSlugResult },
} satisfies Calls;
