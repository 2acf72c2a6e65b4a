import type * as z from "zod";

/**
 * One callable's contract: the input it parses on every call, and the result
 * it answers. Its handler is typed by both (shell/calls/callable.ts); the site's
 * client and the tests' client are typed by them too (api/index.ts `Api`).
 */
export interface Call<I extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  input: I;
  result: R;
}

/** The callables of one area, by their function name. */
export type Calls = Record<string, Call>;
