import { GetBalanceInput, GetBalanceResult } from "../domain/api.js";
import { ok } from "../domain/result.js";
import { onSignedInCall } from "../shell/callable.js";
import { ledgerCol, packsCol } from "../shell/refs.js";

/** The caller's packs with one coach, each with its ledger, newest first. */
export const getBalance = onSignedInCall(GetBalanceInput, async (input, { uid }) => {
  const packs = await packsCol(input.coachId).where("clientUid", "==", uid).get();
  const withLedgers = await Promise.all(
    packs.docs.map(async (doc) => {
      const pack = doc.data();
      const ledger = await ledgerCol(input.coachId, doc.id).orderBy("at", "desc").get();
      return {
        id: doc.id,
        name: pack.name,
        units: pack.units,
        remaining: pack.remaining,
        status: pack.status,
        expiresAt: pack.expiresAt.toISO() ?? "",
        ledger: ledger.docs.map((entry) => {
          const data = entry.data();
          return { id: entry.id, delta: data.delta, reason: data.reason, sentence: data.sentence, at: data.at.toISO() ?? "" };
        }),
      };
    }),
  );
  const result: GetBalanceResult = {
    remaining: withLedgers.filter((p) => p.status === "active").reduce((sum, p) => sum + p.remaining, 0),
    packs: withLedgers,
  };
  return ok(result);
});
