import { packCalls } from "../api/packs.js";
import { decideTransfer } from "../domain/pack-operations.js";
import { fail, ok } from "../domain/result.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { packOperation } from "../shell/packs/operation.js";
import { clientsCol } from "../shell/firestore/refs.js";

/** Transfer (coach): units move to a new pack of another client of the same coach. */
export const transferUnits = onSignedInCall(
  packCalls.transferUnits,
  packOperation("transfer", async (input, { pack, actor, tx }) => {
    const [from, to] = await tx.getAll(clientsCol(input.coachId).doc(pack.data.clientUid), clientsCol(input.coachId).doc(input.toClientUid));
    const toName = to?.data()?.name;
    if (!to?.exists || typeof toName !== "string") return fail({ code: "CLIENT_NOT_FOUND" as const });
    const fromName = from?.data()?.name;
    const decision = decideTransfer({
      packId: pack.id,
      pack: pack.data,
      units: input.units,
      toClientUid: input.toClientUid,
      newPackId: `transfer-${input.requestId}`,
      fromName: typeof fromName === "string" ? fromName : "another client",
      toName,
      requestId: input.requestId,
      actor,
    });
    return decision.ok ? ok([decision.value.from, decision.value.to]) : decision;
  }),
);
