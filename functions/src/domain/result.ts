/** A business outcome: the value, or a domain failure with a stable code. */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

/** Wraps a successful value. */
export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

/** Wraps an expected business failure. */
export const fail = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });
