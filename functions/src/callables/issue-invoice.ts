import { IssueInvoiceResult, invoiceCalls } from "../api/invoices.js";
import { DomainError } from "../domain/errors.js";
import { Result, fail, ok } from "../domain/result.js";
import { loadOwnCoach } from "../shell/calls/access.js";
import { onSignedInCall } from "../shell/calls/callable.js";
import { db } from "../shell/firebase.js";
import { documentView } from "../shell/invoices/documents.js";
import { issueInvoice as writeInvoice, loadPaperwork } from "../shell/invoices/issue.js";
import { loadTarget } from "../shell/money/targets.js";

/**
 * Issues the invoice of a pack or a singly paid session now (coach only),
 * e.g. for a client who pays by bank transfer: its price, what is paid and
 * what is open, the due date and the bank. A target has one invoice: asking
 * again answers the one issued, unchanged.
 */
export const issueInvoice = onSignedInCall(invoiceCalls.issueInvoice, (input, { uid, now }) =>
  db().runTransaction(async (tx): Promise<Result<IssueInvoiceResult, DomainError>> => {
    const coach = await loadOwnCoach(tx, input.coachId, uid);
    if (!coach.ok) return coach;
    const state = await loadTarget(tx, input.coachId, input.target);
    if (!state.ok) return state;
    const paperwork = await loadPaperwork(tx, input.coachId, coach.value, state.value, now);
    if (!paperwork) return fail({ code: "INVOICING_NOT_SET_UP" });
    const issued = writeInvoice(tx, paperwork, state.value.summary);
    if (!issued.ok) return fail({ code: issued.reason, grossMinor: state.value.summary.amountDueMinor });
    return ok({ document: documentView(issued.invoice.id, issued.invoice.document) });
  }),
);
