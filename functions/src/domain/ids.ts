import * as z from "zod";

/**
 * Every document id taken from input: letters, digits, `_` and `-`, at most
 * 128 characters, and never an id Firestore reserves (`__name__`, `__x__`)
 * or that would break a path (`/`, `.`, `..`). Checked before any read.
 */
export const DocId = z
  .string()
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, "expected a document id")
  .refine((id) => !/^__.*__$/.test(id), "ids of the form __x__ are reserved");
