import { GetBalanceResult, packCalls } from "../api/packs.js";
import { packBalance } from "../domain/packs.js";
import { fail, ok } from "../domain/result.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { coachRef, ledgerCol, packsCol } from "../shell/firestore/refs.js";
import { ledgerView, packView } from "../shell/calls/views.js";

/**
 * A client's packs with one coach, each with its ledger, newest first. The
 * client sees their own; the coach sees any of their clients' (same answer).
 */
export const getBalance = onSignedInCall(packCalls.getBalance, async (input, { uid }) => {
  const clientUid = input.clientUid ?? uid;
  // An unknown coach is named as such, also to a client asking for their own balance.
  const coach = (await coachRef(input.coachId).get()).data();
  if (!coach) return fail({ code: "COACH_NOT_FOUND" as const });
  if (clientUid !== uid && coach.ownerUid !== uid) return fail({ code: "NOT_ALLOWED" as const });
  const packs = await packsCol(input.coachId).where("clientUid", "==", clientUid).get();
  const withLedgers = await Promise.all(
    packs.docs.map(async (doc) => {
      const ledger = await ledgerCol(input.coachId, doc.id).orderBy("at", "desc").get();
      return { ...packView(doc.id, doc.data()), ledger: ledger.docs.map((entry) => ledgerView(entry.id, entry.data())) };
    }),
  );
  const result: GetBalanceResult = { clientUid, ...packBalance(withLedgers, "soonest expiry first") };
  return ok(result);
});
