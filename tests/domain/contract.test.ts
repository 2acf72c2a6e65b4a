// The contract (functions/src/api/) is the one list of callables: the
// functions' entry point exports each of them under its name, from a module
// that registers that name's contract, and nothing else is a callable.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { api } from "../../functions/src/api/index.js";

const source = (path: string) => readFileSync(new URL(`../../functions/src/${path}`, import.meta.url), "utf8");

/** index.ts's exports: name → module path (`load("name", "./callables/x.js")`). */
const exported = new Map([...source("index.ts").matchAll(/load<[^>]*>\(\s*"(\w+)",\s*"\.\/([\w/-]+)\.js",?\s*\)/g)].map((m) => [m[1]!, m[2]!]));
const callables = [...exported].filter(([, path]) => path.startsWith("callables/"));

describe("the contract", () => {
  it("names every callable the functions export, and only those", () => {
    expect(callables.map(([name]) => name).sort()).toEqual(Object.keys(api).sort());
  });

  it.each(callables)("%s is registered with its own contract", (name, path) => {
    expect(source(`${path}.ts`)).toMatch(new RegExp(`export const ${name} = on(SignedIn|Public)Call\\(\\s*\\w+Calls\\.${name},`));
  });
});
