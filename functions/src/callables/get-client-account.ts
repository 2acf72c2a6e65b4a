import { ClientAccountResult, GetClientAccountInput } from "../domain/api.js";
import { owedTargets } from "../domain/clients.js";
import { clientAccount } from "../domain/payments.js";
import { fail, ok } from "../domain/result.js";
import { onSignedInCall } from "../shell/callable.js";
import { paymentsCol } from "../shell/payments.js";
import { bookingsCol, coachRef, packsCol } from "../shell/refs.js";

/**
 * A client's revenue and open amount (coach only), computed from the payment
 * records and the targets still owed: packs (not pending), and singly paid
 * bookings that are held to be paid (not cancelled, or cancelled late).
 */
export const getClientAccount = onSignedInCall(GetClientAccountInput, async (input, { uid }) => {
  const coach = (await coachRef(input.coachId).get()).data();
  if (!coach) return fail({ code: "COACH_NOT_FOUND" as const });
  if (coach.ownerUid !== uid) return fail({ code: "NOT_ALLOWED" as const });
  const [records, packs, bookings] = await Promise.all([
    paymentsCol(input.coachId).where("clientUid", "==", input.clientUid).get(),
    packsCol(input.coachId).where("clientUid", "==", input.clientUid).get(),
    bookingsCol(input.coachId).where("clientUid", "==", input.clientUid).get(),
  ]);
  const owed = owedTargets(packs.docs.map((d) => d.data()), bookings.docs.map((d) => d.data()));
  const movements = records.docs.map((d) => ({ id: d.id, ...d.data() })).sort((a, b) => b.at.toMillis() - a.at.toMillis());
  const result: ClientAccountResult = {
    clientUid: input.clientUid,
    currency: coach.currency,
    ...clientAccount(movements, owed),
    movements: movements.map((m) => ({ id: m.id, target: m.target, kind: m.kind, method: m.method, wallet: m.wallet, amountMinor: m.amountMinor, at: m.at.toISO() ?? "" })),
  };
  return ok(result);
});
