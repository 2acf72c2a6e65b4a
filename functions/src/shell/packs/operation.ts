import { Transaction } from "firebase-admin/firestore";
import { PackResult } from "../../api/packs.js";
import { Coach } from "../../domain/coach.js";
import { DomainError } from "../../domain/errors.js";
import { Actor, Pack, PackChange, WithId } from "../../domain/packs.js";
import { Result, fail, ok } from "../../domain/result.js";
import { loadOwnPack } from "../calls/access.js";
import { ClientContext } from "../calls/callable.js";
import { writePackChange } from "./commit.js";
import { db } from "../firebase.js";
import { markRequest, requestUse } from "../firestore/requests.js";
import { packView } from "../calls/views.js";

/** What every coach operation on an existing pack carries. */
interface PackOperationInput {
  requestId: string;
  coachId: string;
  packId: string;
}

/** What a pack operation decides with. */
export interface PackOperationContext {
  coach: Coach;
  pack: WithId<Pack>;
  actor: Actor;
  tx: Transaction;
}

/**
 * A coach operation on one pack (void, extend, adjust, transfer), run the
 * same way: one transaction loads the coach (owner only) and the pack; a
 * retried request returns the pack as it stands now, a requestId used for
 * anything else is refused; else it decides and writes every pack change.
 * Returns the pack operated on.
 */
export function packOperation<I extends PackOperationInput>(
  kind: "void" | "extend" | "adjust" | "transfer",
  decide: (input: I, ctx: PackOperationContext) => Promise<Result<PackChange[], DomainError>>,
) {
  return (input: I, { uid, now }: ClientContext): Promise<Result<PackResult, DomainError>> =>
    db().runTransaction(async (tx) => {
      const loaded = await loadOwnPack(tx, input.coachId, input.packId, uid);
      if (!loaded.ok) return loaded;
      const { coach, pack } = loaded.value;
      const mark = { kind, targetId: input.packId, uid };
      const use = await requestUse(tx, input.coachId, input.requestId, mark);
      if (use === "replay") return ok({ pack: packView(pack.id, pack.data) });
      if (use === "reused") return fail({ code: "REQUEST_ID_REUSED" });

      const decision = await decide(input, { coach, pack, actor: { uid, now }, tx });
      if (!decision.ok) return decision;
      for (const change of decision.value) writePackChange(tx, input.coachId, coach, change, now);
      markRequest(tx, input.coachId, input.requestId, mark);
      const own = decision.value.find((change) => change.packId === input.packId);
      return ok({ pack: own ? packView(own.packId, own.pack) : packView(pack.id, pack.data) });
    });
}

/** Lifts a single pack change into the list packOperation writes. */
export const single = (result: Result<PackChange, DomainError>): Result<PackChange[], DomainError> => (result.ok ? ok([result.value]) : result);
