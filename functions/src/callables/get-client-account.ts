import { ClientAccountResult, paymentCalls } from "../api/payments.js";
import { clientAccount } from "../domain/payments.js";
import { owedSummaries } from "../domain/clients.js";
import { fail, ok } from "../domain/result.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { bookingsCol, coachRef, packsCol, paymentsCol } from "../shell/firestore/refs.js";
import { paymentView } from "../shell/calls/views.js";

/**
 * A client's revenue and open amount (coach only), computed from the payment
 * records and the targets still owed (see owedSummaries).
 */
export const getClientAccount = onSignedInCall(paymentCalls.getClientAccount, async (input, { uid }) => {
  const coach = (await coachRef(input.coachId).get()).data();
  if (!coach) return fail({ code: "COACH_NOT_FOUND" as const });
  if (coach.ownerUid !== uid) return fail({ code: "NOT_ALLOWED" as const });
  const [records, packs, bookings] = await Promise.all([
    paymentsCol(input.coachId).where("clientUid", "==", input.clientUid).get(),
    packsCol(input.coachId).where("clientUid", "==", input.clientUid).get(),
    bookingsCol(input.coachId).where("clientUid", "==", input.clientUid).get(),
  ]);
  const owed = owedSummaries(
    packs.docs.map((d) => d.data()),
    bookings.docs.map((d) => d.data()),
  );
  const movements = [...records.docs].sort((a, b) => b.data().at.toMillis() - a.data().at.toMillis());
  const result: ClientAccountResult = {
    clientUid: input.clientUid,
    currency: coach.currency,
    ...clientAccount(
      movements.map((d) => d.data()),
      owed,
    ),
    movements: movements.map((d) => paymentView(d.id, d.data())),
  };
  return ok(result);
});
