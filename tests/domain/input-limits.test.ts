// Every input a callable accepts is bounded: each string and array in every
// callable's input in the contract (functions/src/api/) has a maximum, and every document id taken from
// input goes through the one id schema (no Firestore-reserved or path-breaking ids).
import { describe, expect, it } from "vitest";
import { api } from "../../functions/src/api/index.js";
import { DocId } from "../../functions/src/domain/ids.js";

/** A zod 4 schema, seen through its definition (functions/ has zod 4; the root resolves zod 3). */
type Any = { _zod: { def: unknown } };
const defOf = (schema: Any) => schema._zod.def as unknown as Record<string, unknown> & { type: string };

/**
 * Whether the schema's length is bounded: a maximum (strings, arrays), or a
 * string format whose every pattern has a fixed length (uuid, HH:mm, dates).
 */
function bounded(def: Record<string, unknown>): boolean {
  const checks = ((def.checks ?? []) as Any[]).map(defOf);
  if (checks.some((check) => ["max_length", "length_equals"].includes(String(check.check)))) return true;
  const patterns = [def, ...checks].map((part) => part.pattern).filter((pattern): pattern is RegExp => pattern instanceof RegExp);
  return patterns.some((pattern) => !/[+*]|\{\d+,\}/.test(pattern.source.replace(/\\./g, "")));
}

/** The paths of strings and arrays without a maximum (and of records, which have none), found by walking the schema. */
function unbounded(schema: Any, path = "", lazy = new Set<Any>()): string[] {
  const def = defOf(schema);
  const max = bounded(def) ? true : undefined;
  const inner = (key: string) => unbounded(def[key] as Any, path, lazy);
  switch (def.type) {
    case "string":
      return max === undefined ? [path || "(root)"] : [];
    case "array":
      return [...(max === undefined ? [`${path}[]`] : []), ...unbounded(def.element as Any, `${path}[]`, lazy)];
    case "object":
      return Object.entries(def.shape as Record<string, Any>).flatMap(([key, value]) => unbounded(value, path ? `${path}.${key}` : key, lazy));
    case "union":
      return (def.options as Any[]).flatMap((option) => unbounded(option, path, lazy));
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
      return inner("innerType");
    case "pipe":
      return inner("in");
    case "lazy":
      // A recursive schema is walked once.
      if (lazy.has(schema)) return [];
      lazy.add(schema);
      return unbounded((def.getter as () => Any)(), path, lazy);
    case "record":
      return [`${path}{}`];
    case "number":
    case "boolean":
    case "literal":
    case "enum":
    case "custom":
      return [];
    default:
      return [`${path} (${def.type}: not understood by this check)`];
  }
}

const inputs = Object.entries(api).map(([name, call]) => [name, call.input as unknown as Any] as const);

describe("callable inputs", () => {
  it("are found", () => expect(inputs.length).toBeGreaterThan(40));
  it.each(inputs)("%s bounds every string and array", (_name, schema) => expect(unbounded(schema)).toEqual([]));
});

describe("the id schema", () => {
  it.each(["__x__", "__name__", "__proto__", "a/b", ".", "..", "", "x".repeat(129), "a b", "ä"])("refuses %j", (id) =>
    expect(DocId.safeParse(id).success).toBe(false),
  );
  it.each(["coach-emma", "uid_1", "__x", "x__", "A-9", "x".repeat(128)])("accepts %j", (id) => expect(DocId.safeParse(id).success).toBe(true));
});
