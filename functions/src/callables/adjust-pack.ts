import { packCalls } from "../api/packs.js";
import { decideAdjustment } from "../domain/pack-operations.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { packOperation, single } from "../shell/packs/operation.js";

/** Manual adjustment (coach) with a required note; never below zero. */
export const adjustPack = onSignedInCall(
  packCalls.adjustPack,
  packOperation("adjust", async (input, { pack, actor }) =>
    single(decideAdjustment({ packId: pack.id, pack: pack.data, delta: input.delta, note: input.note, requestId: input.requestId, actor })),
  ),
);
