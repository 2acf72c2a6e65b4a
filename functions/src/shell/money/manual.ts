import { PaymentStateResult, RecordMoneyInput } from "../../api/payments.js";
import { DomainError } from "../../domain/errors.js";
import { Result, fail, ok } from "../../domain/result.js";
import { loadOwnCoach } from "../calls/access.js";
import { ClientContext } from "../calls/callable.js";
import { paymentStateView } from "../calls/views.js";
import { db } from "../firebase.js";
import { recordMoney } from "./targets.js";
import { markRequest, requestUse } from "../firestore/requests.js";

/** A coach's manual payment or refund: owner only, one record per requestId (a retry answers the target's state; another use of the id is REQUEST_ID_REUSED). */
export function recordManual(kind: "payment" | "refund") {
  return (input: RecordMoneyInput, { uid, now }: ClientContext): Promise<Result<PaymentStateResult, DomainError>> =>
    db().runTransaction(async (tx) => {
      const coach = await loadOwnCoach(tx, input.coachId, uid);
      if (!coach.ok) return coach;
      const mark = { kind, targetId: `${input.target.type}:${input.target.id}`, uid };
      const use = await requestUse(tx, input.coachId, input.requestId, mark);
      if (use === "reused") return fail({ code: "REQUEST_ID_REUSED" });
      const summary = await recordMoney(tx, input.coachId, coach.value, `manual-${input.requestId}`, {
        target: input.target,
        kind,
        method: input.method,
        wallet: null,
        amountMinor: input.amountMinor,
        currency: coach.value.currency,
        reference: input.reference,
        source: "manual",
        actorUid: uid,
        at: now,
      });
      if (!summary.ok) return summary;
      if (use === "new") markRequest(tx, input.coachId, input.requestId, mark);
      return ok(paymentStateView(input.target, summary.value));
    });
}
