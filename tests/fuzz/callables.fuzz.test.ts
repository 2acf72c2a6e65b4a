// Property-based fuzzing of every callable over HTTP (fast-check, over the
// zod input schemas): inputs that the callable's own schema refuses, sent by
// a caller who may call it, are answered INVALID_INPUT (a 4xx-class error with
// its reason, never `internal`), and Firestore and Auth are unchanged after all of them.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, type CallName } from "../../functions/src/api/index.js";
import { CallableError } from "../../site/src/client/callable.js";
import { callFailing, demoSlots, freshDemoSignedIn, settledState } from "../support/emulators.js";
import { sampleCalls, type Samples } from "../support/samples.js";

/** Generated inputs per callable; each is one HTTP call (about 20–60 ms on a warm worker). */
const RUNS = 12;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Paths to every value inside a sample, e.g. ["client", "email"]. */
function paths(value: Json, prefix: string[] = []): string[][] {
  if (typeof value !== "object" || value === null) return [prefix];
  const entries = Array.isArray(value) ? value.map((item, i) => [String(i), item] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, item]) => paths(item, [...prefix, key]))];
}

/** A copy of `value` with the value at `path` replaced (or removed, for undefined). */
function withAt(value: Json, path: string[], replacement: Json | undefined): Json | undefined {
  if (path.length === 0) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string, Json>;
  const [key, ...rest] = path as [string, ...string[]];
  const next = withAt(copy[key] ?? null, rest, replacement);
  if (next === undefined) delete copy[key];
  else copy[key] = next;
  return copy as Json;
}

/** Values that break a field: wrong types, reserved and path-breaking ids, oversized text, malformed instants. */
const badValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom("__x__", "__name__", "__proto__", "a/b", "", " ", "x".repeat(20_000), "2026-13-45T99:99:99Z", "NaN", "-1"),
  fc.string({ maxLength: 60 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }) as fc.Arbitrary<Json>,
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 4 }) as fc.Arbitrary<Json>,
);

/** Inputs the callable's schema refuses: anything at all, or its valid sample with one value broken or missing. */
function invalidInputs(name: CallName, sample: Json): fc.Arbitrary<Json | undefined> {
  const where = paths(sample);
  const fields = where.filter((path) => path.length > 0);
  return fc
    .oneof(
      fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
      fc.tuple(fc.constantFrom(...where), badValue).map(([path, value]) => withAt(sample, path, value)),
      ...(fields.length > 0 ? [fc.constantFrom(...fields).map((path) => withAt(sample, path, undefined))] : []),
    )
    .filter((input) => !api[name].input.safeParse(input).success);
}

let samples: Samples;
let tokens: Record<"anybody" | "client" | "party" | "coach", string | undefined>;
let before: string[];

beforeAll(async () => {
  const { lena, emma } = await freshDemoSignedIn();
  tokens = { anybody: undefined, client: lena, party: lena, coach: emma };
  samples = sampleCalls("some-booking", (await demoSlots())[0]!);
  before = await settledState();
});

describe.each(Object.keys(api) as CallName[])("%s", (name) => {
  it("answers INVALID_INPUT to inputs its schema refuses, never internal", async () => {
    const { caller, input } = samples[name];
    await fc.assert(
      fc.asyncProperty(invalidInputs(name, input as Json), async (bad) => {
        const error = await callFailing(name, bad, tokens[caller]);
        expect(error).toBeInstanceOf(CallableError);
        expect([error.code, error.reason], error.message).toEqual(["invalid-argument", "INVALID_INPUT"]);
      }),
      { numRuns: RUNS },
    );
  });
});

afterAll(async () => {
  expect(await settledState()).toEqual(before);
});
