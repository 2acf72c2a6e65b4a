import type { Response } from "express";
import { onRequest, type Request } from "firebase-functions/v2/https";
import { answerPageAddress, parsePageAddress } from "../domain/page-address.js";
import { guarded } from "../shell/calls/http-errors.js";
import { coachRef, publicCoachesCol, slugRef } from "../shell/firestore/refs.js";
import type { PublicCoach } from "../domain/public-coach.js";

/** The Astro site's on-demand renderer (site/src/pages/coach-render), bundled into functions/.site-render by the site build. */
interface SiteRenderer {
  handler(req: Request, res: Response, next: undefined, locals: { coach: PublicCoach }): Promise<void>;
}
const RENDERER = "../../.site-render/entry.mjs";
let renderer: Promise<SiteRenderer> | undefined;

/** How long the CDN may keep a rendered page: a saved change shows within half a minute. */
const CDN_SECONDS = 30;

/**
 * Coach pages without a current static file (Hosting rewrites /{slug} and
 * /{lang}/{slug} here when it has none): a coach who just signed up, or whose
 * page data changed since the last static build. Renders the same Astro
 * components from publicCoaches/{slug} only — never client data, never a
 * coach who has not finished sign-up (the projection is written when they
 * finish). An address a coach left answers 301 to their current one.
 */
export const coachPage = onRequest(
  // Hosting caches its answers; on a cache miss a visitor waits: as widely scaled as the slots.
  { memory: "512MiB", maxInstances: 200, timeoutSeconds: 30 },
  guarded("coachPage", async (req, res) => {
    const address = req.method === "GET" || req.method === "HEAD" ? parsePageAddress(req.path) : null;
    const coach = address ? (await publicCoachesCol().doc(address.slug).get()).data() : undefined;
    const owner = coach ?? (address ? await formerOwner(address.slug) : null);
    const answer = address ? answerPageAddress(address, owner ?? null) : ({ kind: "not_found" } as const);
    res.set("cache-control", `public, max-age=0, s-maxage=${CDN_SECONDS}`);
    if (answer.kind === "moved") {
      res.redirect(301, answer.location);
      return;
    }
    if (answer.kind === "not_found" || !coach) {
      res.status(404).type("text/plain").send("Not found");
      return;
    }
    req.url = `/coach-render/${answer.lang}/${coach.slug}`;
    renderer ??= import(RENDERER) as Promise<SiteRenderer>;
    await (await renderer).handler(req, res, undefined, { coach });
  }),
);

/** The coach who once had this slug (it stays theirs), with their current address; null when nobody had it. */
async function formerOwner(slug: string): Promise<{ slug: string; locale: "en" | "de" } | null> {
  const claim = (await slugRef(slug).get()).data();
  const coach = claim ? (await coachRef(claim.coachId).get()).data() : undefined;
  return coach && coach.slug !== slug ? { slug: coach.slug, locale: coach.locale } : null;
}
