// Browsers compile an input's `pattern` with the RegExp `v` flag, where ( ) /
// and - must be escaped inside a character class; an invalid pattern is
// ignored with a console error on every page that has it. Every pattern the
// site writes must compile that way.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? sources(join(dir, entry.name)) : [join(dir, entry.name)])));
  return nested.flat().filter((file) => /\.(astro|ts)$/.test(file));
}

describe("input patterns", () => {
  it("compile as browsers compile them (the v flag), and the phone pattern takes a phone number", async () => {
    const patterns: string[] = [];
    for (const file of await sources("site/src")) {
      for (const match of (await readFile(file, "utf8")).matchAll(/pattern="([^"]*)"/g)) patterns.push(match[1]!);
    }
    expect(patterns.length).toBeGreaterThan(0);
    for (const pattern of patterns) expect(() => new RegExp(`^(?:${pattern})$`, "v"), pattern).not.toThrow();
    const phone = new RegExp(`^(?:${patterns.find((p) => p.includes("0-9"))!})$`, "v");
    expect([phone.test("+49 (30) 555/01-2.3"), phone.test("call me")]).toEqual([true, false]);
  });
});
