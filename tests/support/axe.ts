// Accessibility checks for the browser tests: injects axe-core into a
// Playwright page and returns its violations in a short, diff-friendly form,
// so `expect(await axeViolations(page)).toEqual([])` shows what is wrong.
import axe from "axe-core";
import type { Page } from "playwright-core";

/**
 * The rule sets checked: every WCAG 2.0/2.1/2.2 A and AA rule plus Deque's
 * best practices (landmarks, one h1, …). Rules tagged only AAA or
 * "experimental" stay off, as in axe's own defaults.
 */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/** One failed rule, e.g. { id: "color-contrast", impact: "serious", help: "…", targets: [".muted"] }. */
export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  /** CSS selectors of the failing elements; shadow-DOM paths are joined with " >>> ". */
  targets: string[];
}

/** What part of the page to check and which rules to leave out. */
export interface AxeOptions {
  /** Selectors to check (default: the whole document). */
  include?: string[];
  /** Selectors to leave out, e.g. a third-party widget. */
  exclude?: string[];
  /** Rule ids to skip; say why next to the call. */
  disableRules?: string[];
}

declare global {
  interface Window {
    axe?: typeof axe;
  }
}

/**
 * Runs axe-core on the page as it is now, scrolled to the top, and returns the
 * violations, sorted by rule id. Scrolled to the top because axe's target-size
 * rule measures the part of a control not covered by other elements: after a
 * test clicked far down a long screen, the coach app's sticky tab bar covers
 * whatever sits just under it (a 44 px message field then "measures" 10 px),
 * and which control that is depends on the scroll position the clicks left.
 */
export async function axeViolations(page: Page, options: AxeOptions = {}): Promise<AxeViolation[]> {
  await page.evaluate(() => scrollTo(0, 0));
  if (!(await page.evaluate(() => window.axe !== undefined))) await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(
    async ({ include, exclude, tags, disableRules }) => {
      if (!window.axe) throw new Error("axe-core did not load into the page");
      const context = { include: include ?? [document], exclude: exclude ?? [] };
      const rules = Object.fromEntries(disableRules.map((id) => [id, { enabled: false }]));
      const results = await window.axe.run(context, { runOnly: { type: "tag", values: tags }, rules, resultTypes: ["violations"] });
      return results.violations;
    },
    { include: options.include, exclude: options.exclude, tags: AXE_TAGS, disableRules: options.disableRules ?? [] },
  );
  return violations
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? "unknown",
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.map((part) => (typeof part === "string" ? part : part.join(" >>> "))).join(" → ")),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}
