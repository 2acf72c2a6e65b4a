// The site half of `npm run bench`: what a visitor's phone downloads and what
// Lighthouse thinks of the built pages served by the Hosting emulator.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import { DEMO } from "./demo-data.js";

/** Prints one bench line ("name: value"); bench.ts owns the output format. */
export type Report = (name: string, value: string) => void;

const DIST = join("site", "dist", "client");
const SITE = "http://127.0.0.1:5000";

/** Site paths Lighthouse measures; a path not in the build is skipped with a note. */
export const LIGHTHOUSE_PATHS = [`/${DEMO.slug}`, `/de/${DEMO.slug}`, "/portal", "/app"];
/** Categories scored, each against LIGHTHOUSE_BUDGET. */
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
/** Lowest acceptable category score (0–100). */
export const LIGHTHOUSE_BUDGET = 95;
/** Most gzipped JavaScript a coach page may load before any interaction, in KB. */
export const JS_BUDGET_KB = 30;
/** Debian's chromium unless told otherwise; Lighthouse never downloads a browser. */
const CHROME = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROME_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

const kb = (bytes: number) => bytes / 1024;
const verdict = (ok: boolean, pass: string, fail: string) => (ok ? pass : fail);

/** HTML and the JavaScript a coach page loads before any interaction, gzipped. */
export function pageWeight(report: Report): void {
  const html = readFileSync(join(DIST, `${DEMO.slug}.html`));
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const code = readFileSync(join(DIST, path), "utf8");
    // Static imports only: dynamic import() chunks (Firebase Auth) load on interaction.
    for (const match of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) {
      visit(join(path, "..", match[1]!));
    }
  };
  for (const match of html.toString().matchAll(/<script[^>]+src="\/([^"]+)"/g)) visit(match[1]!);
  const jsGzip = kb([...seen].reduce((sum, path) => sum + gzipSync(readFileSync(join(DIST, path))).length, 0));
  report("coach page HTML (gzip)", `${kb(gzipSync(html).length).toFixed(1)} KB`);
  report(
    "coach page JS before interaction (gzip)",
    `${jsGzip.toFixed(1)} KB in ${seen.size} file(s), budget ${JS_BUDGET_KB} KB: ${verdict(jsGzip <= JS_BUDGET_KB, "ok", "over")}`,
  );
}

/** How Hosting served a coach path: a static file, or rendered on demand by coachPage (its answer carries s-maxage). */
export const servedHow = (response: Response) => ((response.headers.get("cache-control") ?? "").includes("s-maxage") ? "on demand" : "static");

/**
 * Each path is named with how Hosting served it: a static file, or rendered
 * on demand by coachPage (a coach without a current static page).
 * Lighthouse's default run: a mid-range phone (Moto G Power screen) on slow
 * 4G with 4× CPU slowdown, simulated from one unthrottled load, so scores
 * move little with this machine's load. Prints each category score and the
 * audits that scored below 1 in it, e.g. "render-blocking-insight (Est
 * savings of 150 ms)".
 */
export async function lighthouseScores(report: Report, morePaths: string[] = []): Promise<void> {
  const chrome = await launch({ chromePath: CHROME, chromeFlags: CHROME_FLAGS, logLevel: "error" });
  try {
    for (const path of [...LIGHTHOUSE_PATHS, ...morePaths]) {
      const served = await fetch(`${SITE}${path}`);
      if (!served.ok) throw new Error(`lighthouse ${path}: HTTP ${served.status}`);
      console.log(`lighthouse ${path}: served ${servedHow(served)}`);
      const result = await lighthouse(`${SITE}${path}`, { port: chrome.port, logLevel: "error", onlyCategories: CATEGORIES, disableFullPageScreenshot: true });
      if (!result) throw new Error(`lighthouse ${path}: no result`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`lighthouse ${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      for (const warning of lhr.runWarnings) console.log(`lighthouse ${path} warning: ${warning}`);
      for (const id of CATEGORIES) {
        const category = lhr.categories[id];
        if (!category) throw new Error(`lighthouse ${path}: no ${id} category in the report`);
        const score = Math.round((category.score ?? 0) * 100);
        report(`lighthouse ${path} ${id}`, `${score}, budget ≥ ${LIGHTHOUSE_BUDGET}: ${verdict(score >= LIGHTHOUSE_BUDGET, "ok", "below")}`);
        const failing = category.auditRefs.flatMap(({ id: auditId }) => {
          const audit = lhr.audits[auditId];
          // Informative, manual and not-applicable audits have a null score.
          if (!audit || audit.score === null || audit.score >= 1) return [];
          // Console errors say what went wrong: show them.
          const items = auditId === "errors-in-console" && audit.details && "items" in audit.details ? audit.details.items : [];
          const messages = (items as { description?: unknown }[]).map((item) => String(item.description ?? "")).filter(Boolean);
          const label = audit.displayValue ? `${auditId} (${audit.displayValue})` : auditId;
          return [messages.length ? `${label}: ${messages.join(" | ")}` : label];
        });
        report(`lighthouse ${path} ${id} audits below 1`, failing.join(", ") || "none");
      }
    }
  } finally {
    chrome.kill();
  }
}
