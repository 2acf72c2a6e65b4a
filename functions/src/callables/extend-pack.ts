import { packCalls } from "../api/packs.js";
import { decideExtension } from "../domain/pack-operations.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { packOperation, single } from "../shell/packs/operation.js";

/** Extend or freeze (coach): the expiry moves later, e.g. after an injury. */
export const extendPack = onSignedInCall(
  packCalls.extendPack,
  packOperation("extend", async (input, { coach, pack, actor }) =>
    single(
      decideExtension({ packId: pack.id, pack: pack.data, days: input.days, note: input.note, requestId: input.requestId, timeZone: coach.timeZone, actor }),
    ),
  ),
);
