import { packCalls } from "../api/packs.js";
import { decideVoid } from "../domain/pack-operations.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { packOperation, single } from "../shell/packs/operation.js";

/** Refund/void (coach): the remaining units are voided, the pack closed. */
export const voidPack = onSignedInCall(
  packCalls.voidPack,
  packOperation("void", async (input, { pack, actor }) =>
    single(decideVoid({ packId: pack.id, pack: pack.data, requestId: input.requestId, note: input.note, actor })),
  ),
);
