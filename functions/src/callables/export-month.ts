import { overviewCalls } from "../api/overview.js";
import { ok } from "../domain/result.js";
import { readOwnCoach } from "../shell/calls/access.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { loadMonthExport } from "../shell/overview/export.js";

/**
 * A month's sessions and payments as CSV (coach only): one row per session
 * (by start) and per payment or refund (by time) of that calendar month in
 * the coach's zone, RFC 4180 with a UTF-8 BOM. Reads: 1 for the coach, the
 * month's sessions and payments (at most 2,000 each), and the client
 * records, session types and packs they name, each once; nothing is written.
 */
export const exportMonth = onSignedInCall(overviewCalls.exportMonth, async (input, { uid }) => {
  const coach = await readOwnCoach(input.coachId, uid);
  if (!coach.ok) return coach;
  return ok(await loadMonthExport(input.coachId, coach.value, input.month));
});
