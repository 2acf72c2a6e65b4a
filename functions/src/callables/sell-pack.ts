import { PackResult, packCalls } from "../api/packs.js";
import { namedRecord } from "../domain/clients.js";
import { DomainError } from "../domain/errors.js";
import { decideSale } from "../domain/pack-sales.js";
import { Result, fail, ok } from "../domain/result.js";
import { loadOwnCoach, readOwnCoach } from "../shell/calls/access.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { writePackChange } from "../shell/packs/commit.js";
import { db } from "../shell/firebase.js";
import { clientUidByEmail } from "../shell/clients/accounts.js";
import { clientsCol, packTemplatesCol, packsCol } from "../shell/firestore/refs.js";
import { packView } from "../shell/calls/views.js";
import { issueInvoice, loadPaperwork, withBuyerName } from "../shell/invoices/issue.js";

/**
 * Sells a pack (coach): a new pack from a template for a client, opened by a
 * "+N bought" entry, its payment target open, and its invoice issued when
 * the coach invoices. The requestId names the pack,
 * so a retried call sells nothing twice. A client named by email gets an
 * account, and only after the caller was found to be the coach.
 */
export const sellPack = onSignedInCall(packCalls.sellPack, async (input, { uid, now }) => {
  if ("email" in input.client) {
    const owner = await readOwnCoach(input.coachId, uid);
    if (!owner.ok) return owner;
  }
  const byEmail = "email" in input.client ? { ...input.client, uid: await clientUidByEmail(input.client.email, input.client.name) } : undefined;
  const clientUid = byEmail?.uid ?? ("uid" in input.client ? input.client.uid : "");
  const packId = `pack-${input.requestId}`;

  return db().runTransaction(async (tx): Promise<Result<PackResult, DomainError>> => {
    const coach = await loadOwnCoach(tx, input.coachId, uid);
    if (!coach.ok) return coach;
    const [existing, template, client] = await Promise.all([
      tx.get(packsCol(input.coachId).doc(packId)),
      tx.get(packTemplatesCol(input.coachId).doc(input.templateId)),
      tx.get(clientsCol(input.coachId).doc(clientUid)),
    ]);
    const sold = existing.data();
    if (sold)
      return sold.clientUid === clientUid && sold.templateId === input.templateId ? ok({ pack: packView(packId, sold) }) : fail({ code: "REQUEST_ID_REUSED" });
    const terms = template.data();
    if (!terms) return fail({ code: "TEMPLATE_NOT_FOUND" });
    if (!client.exists && !byEmail) return fail({ code: "CLIENT_NOT_FOUND" });

    const sale = decideSale({
      packId,
      clientUid,
      templateId: input.templateId,
      template: terms,
      currency: coach.value.currency,
      timeZone: coach.value.timeZone,
      actor: { uid, now },
    });
    const target = { type: "pack" as const, id: packId };
    const paperwork = await loadPaperwork(tx, input.coachId, coach.value, { target, clientUid, pack: sale.pack }, now);

    // A record the stats trigger created (stats only) gets the name and email too; a name already there is kept.
    if (byEmail && !client.get("name")) {
      tx.set(
        clientsCol(input.coachId).doc(clientUid),
        { ...namedRecord(byEmail.name), email: byEmail.email, ...(client.exists ? {} : { notes: "" }) },
        { merge: true },
      );
    }
    writePackChange(tx, input.coachId, coach.value, sale, now);
    // The sale's invoice, when the coach invoices (one above €250 waits for the client's billing address).
    if (paperwork && sale.pack.payment.amountDueMinor > 0) issueInvoice(tx, withBuyerName(paperwork, byEmail?.name), sale.pack.payment);
    return ok({ pack: packView(packId, sale.pack) });
  });
});
