import { DocumentData, FirestoreDataConverter, QueryDocumentSnapshot, Timestamp } from "firebase-admin/firestore";
import { DateTime } from "luxon";
import * as z from "zod";

/** Timestamps become UTC DateTimes, recursively, so domain schemas can parse them. */
function decode(value: unknown): unknown {
  if (value instanceof Timestamp) return DateTime.fromMillis(value.toMillis(), { zone: "utc" });
  if (Array.isArray(value)) return value.map(decode);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, decode(inner)]));
  }
  return value;
}

/** DateTimes become Timestamps, recursively; other values pass through. */
function encode(value: unknown): unknown {
  if (DateTime.isDateTime(value)) return Timestamp.fromMillis(value.toMillis());
  if (Array.isArray(value)) return value.map(encode);
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, encode(inner)]));
  }
  return value;
}

/** Parses a document's raw data (e.g. a trigger's snapshot) with a domain schema, as the converters do. */
export const parseDoc = <S extends z.ZodType>(schema: S, data: DocumentData): z.output<S> => schema.parse(decode(data));

/**
 * A converter that parses every document read with a domain schema, so a
 * malformed document fails loudly at the boundary instead of deep inside.
 */
export function zodConverter<S extends z.ZodType<object>>(schema: S): FirestoreDataConverter<z.output<S>> {
  return {
    toFirestore: (model): DocumentData => Object.fromEntries(Object.entries(model).map(([key, inner]) => [key, encode(inner)])),
    fromFirestore: (snapshot: QueryDocumentSnapshot) => schema.parse(decode(snapshot.data())),
  };
}
