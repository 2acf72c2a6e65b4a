import { PaymentStateResult, RecordMoneyInput } from "../domain/api.js";
import { DomainError } from "../domain/errors.js";
import { Result, ok } from "../domain/result.js";
import { loadOwnCoach } from "./access.js";
import { ClientContext } from "./callable.js";
import { db } from "./firebase.js";
import { recordMoney } from "./payments.js";

/** A coach's manual payment or refund: owner only, one record per requestId. */
export function recordManual(kind: "payment" | "refund") {
  return (input: RecordMoneyInput, { uid, now }: ClientContext): Promise<Result<PaymentStateResult, DomainError>> =>
    db().runTransaction(async (tx) => {
      const coach = await loadOwnCoach(tx, input.coachId, uid);
      if (!coach.ok) return coach;
      const summary = await recordMoney(tx, input.coachId, `manual-${input.requestId}`, {
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
      const { amountDueMinor, paidMinor, refundedMinor, currency, state } = summary.value;
      return ok({ target: input.target, amountDueMinor, paidMinor, refundedMinor, currency, state });
    });
}
