import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import { beforeEach, describe, expect, it } from "vitest";
import { decideSale } from "../../functions/src/domain/pack-sales.js";
import { db } from "../../functions/src/shell/firebase.js";
import { clientRecordRef, coachRef, documentsCol } from "../../functions/src/shell/firestore/refs.js";
import { issueInvoice, loadPaperwork } from "../../functions/src/shell/invoices/issue.js";
import { loadTarget } from "../../functions/src/shell/money/targets.js";
import { writePackChange } from "../../functions/src/shell/packs/commit.js";
import { DEMO, call, callFailing, clientWithPack, freshDemoSignedIn } from "../support/emulators.js";
import { kindOf, sentMail } from "../support/inbox.js";
import { checkoutSession, deliver, refundedCharge, startCheckout, stripeEvent } from "../support/stripe.js";
import { demoCoach, demoPackTemplate } from "../../scripts/demo-data.js";

const coachId = DEMO.coachId;
const lenaUid = DEMO.client.uid;
const lenaPack = { type: "pack" as const, id: DEMO.packId };
const address = "Am Park 1\n10115 Berlin";
let lena: string;
let emma: string;

beforeEach(async () => {
  ({ lena, emma } = await freshDemoSignedIn());
});

const year = () => DateTime.now().setZone(demoCoach.timeZone).year;
const numberOf = (sequence: number) => `RE-${year()}-${String(sequence).padStart(4, "0")}`;
/** True when no document was written again after it was created (an issued document is never changed). */
const neverChanged = async () => (await documentsCol(coachId).get()).docs.every((doc) => doc.createTime.isEqual(doc.updateTime));
const documents = async () => (await documentsCol(coachId).orderBy("sequence").get()).docs.map((doc) => ({ id: doc.id, ...doc.data() }));
const pay = (target: { type: "pack" | "booking"; id: string }, amountMinor: number, kind: "recordPayment" | "recordRefund" = "recordPayment") =>
  call(kind, { requestId: randomUUID(), coachId, target, method: "cash", amountMinor }, emma);
const sell = (client: { uid: string }, requestId = randomUUID()) => call("sellPack", { requestId, coachId, templateId: DEMO.packTemplateId, client }, emma);

describe("documents issued from what happened", () => {
  it("a pack sold: its invoice (open, due in 14 days, to the bank); paid in two parts: two receipts referring to it", async () => {
    await call("saveBillingAddress", { coachId, clientUid: lenaUid, address }, emma);
    const { pack } = await sell({ uid: lenaUid });
    const target = { type: "pack" as const, id: pack.id };
    await pay(target, 30000);
    await pay(target, 28000);

    const [invoice, first, second, ...more] = await documents();
    expect(more).toEqual([]);
    expect(invoice).toMatchObject({
      id: `invoice-pack-${pack.id}`,
      kind: "invoice",
      number: numberOf(1),
      buyer: { name: "Lena Fischer", address },
      seller: { legalName: "Emma Weber Tennis Coaching", taxNumber: "21/815/08150" },
      small: false,
      paidMinor: 0,
      openMinor: 58000,
      bank: { iban: "DE89370400440532013000" },
      totals: { grossMinor: 58000, netMinor: 48739, vatMinor: 9261 },
    });
    expect(invoice!.dueDate).toBe(invoice!.issuedAt.setZone(demoCoach.timeZone).plus({ days: 14 }).toISODate());
    expect(first).toMatchObject({
      kind: "receipt",
      number: numberOf(2),
      paidMinor: 30000,
      openMinor: 28000,
      refersTo: { number: numberOf(1) },
      payment: { method: "cash" },
    });
    expect(second).toMatchObject({ kind: "receipt", number: numberOf(3), paidMinor: 58000, openMinor: 0, totals: { grossMinor: 28000 } });
    expect(await neverChanged()).toBe(true);
  });

  it("a refund: a credit note with negative amounts that refers to the invoice it corrects", async () => {
    await call("saveBillingAddress", { coachId, clientUid: lenaUid, address }, emma);
    await pay(lenaPack, 58000);
    await pay(lenaPack, 20000, "recordRefund");
    const kinds = (await documents()).map((d) => [d.kind, d.number, d.totals.grossMinor, d.refersTo?.number ?? null]);
    expect(kinds).toEqual([
      ["invoice", numberOf(1), 58000, null],
      ["receipt", numberOf(2), 58000, numberOf(1)],
      ["credit_note", numberOf(3), -20000, numberOf(1)],
    ]);
  });

  it("an invoice above €250 waits for the client's address; the receipt does not; then the coach issues it on demand", async () => {
    const { pack } = await sell({ uid: lenaUid });
    const target = { type: "pack" as const, id: pack.id };
    expect(await documents()).toEqual([]);
    await pay(target, 10000);
    const missing = await callFailing("issueInvoice", { coachId, target }, emma);
    expect([missing.code, missing.reason, missing.details.grossMinor]).toEqual(["failed-precondition", "BILLING_ADDRESS_MISSING", 58000]);

    await call("saveBillingAddress", { coachId, clientUid: lenaUid, address }, emma);
    const issued = await call("issueInvoice", { coachId, target }, emma);
    expect(issued.document).toMatchObject({ kind: "invoice", number: numberOf(2), grossMinor: 58000, buyerName: "Lena Fischer" });
    const [receipt, invoice] = await documents();
    expect(receipt).toMatchObject({ kind: "receipt", number: numberOf(1), refersTo: null });
    expect(invoice).toMatchObject({ paidMinor: 10000, openMinor: 48000 });
  });

  it("a session paid online: the webhook issues its invoice (a small amount, no address needed) and the receipt; a refund its credit note, once", async () => {
    const { target } = await startCheckout(lena, "first slot");
    const paid = checkoutSession({ coachId, targetType: "booking", targetId: target.id, amount: 6500, paymentIntent: "pi_invoice_1" });
    await deliver(stripeEvent("checkout.session.completed", paid));
    await deliver(stripeEvent("checkout.session.completed", paid));
    const refund = refundedCharge({ paymentIntent: "pi_invoice_1", amount: 6500, refunded: 2000 });
    await deliver(stripeEvent("charge.refunded", refund));
    await deliver(stripeEvent("charge.refunded", refund));
    const [invoice, receipt, credit, ...more] = await documents();
    expect(more).toEqual([]);
    expect(invoice).toMatchObject({ kind: "invoice", small: true, target, totals: { grossMinor: 6500 }, buyer: { address: "" }, openMinor: 0 });
    expect(invoice!.lines[0]!.description).toMatch(/^Private lesson \(60 min\), \d\d:\d\d \(60 min\)$/);
    expect(receipt).toMatchObject({ kind: "receipt", payment: { paymentId: "stripe-pi_invoice_1", amountMinor: 6500 }, refersTo: { number: invoice!.number } });
    expect(credit).toMatchObject({ kind: "credit_note", totals: { grossMinor: -2000 }, refersTo: { number: invoice!.number } });
    expect(await neverChanged()).toBe(true);
  });

  it("no settings, no documents; issueInvoice says to set up invoicing", async () => {
    await coachRef(coachId).set({ ...demoCoach, invoicing: null });
    await pay(lenaPack, 58000);
    expect(await documents()).toEqual([]);
    const refused = await callFailing("issueInvoice", { coachId, target: lenaPack }, emma);
    expect(refused.reason).toBe("INVOICING_NOT_SET_UP");
  });
});

describe("numbers", () => {
  // Room for the racers: 50 transactions on one document settle through the Firestore client's growing backoff (minutes on 2 busy cores).
  it(`50 invoices issued at once take 50 consecutive numbers, none twice, none skipped`, async () => {
    const now = DateTime.utc();
    const batch = db().batch();
    const packIds = Array.from({ length: 50 }, (_, i) => `pack-race-${i}`);
    for (const [i, packId] of packIds.entries()) {
      // One client each: the stats triggers of 50 sales to one client would queue on that client's record, which each issue reads.
      const sale = decideSale({
        packId,
        clientUid: `race-${i}`,
        templateId: DEMO.packTemplateId,
        template: { ...demoPackTemplate, priceMinor: 20000 },
        currency: "EUR",
        timeZone: demoCoach.timeZone,
        actor: { uid: DEMO.coach.uid, now },
      });
      writePackChange(batch, coachId, demoCoach, sale, now);
    }
    await batch.commit();
    // Each issue reads its client's record, which the sale's stats trigger writes: race the counter once those 50
    // triggers are done, so the issues contend with each other only.
    const records = packIds.map((_, i) => clientRecordRef(coachId, `race-${i}`));
    for (let tries = 0; ; tries += 1) {
      const counted = (await db().getAll(...records)).filter((record) => record.get("stats.packBalance") > 0).length;
      if (counted === records.length) break;
      if (tries === 300) throw new Error(`the stats of only ${counted} of the 50 sales arrived`);
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
    // Each issue is a transaction on the coach's one counter: the losers of a round are retried, as a client retries CONTENDED.
    const issueOne = (packId: string) =>
      db().runTransaction(
        async (tx) => {
          const state = await loadTarget(tx, coachId, { type: "pack", id: packId });
          if (!state.ok) throw new Error(state.error.code);
          const paperwork = await loadPaperwork(tx, coachId, demoCoach, state.value, now);
          const issued = issueInvoice(tx, paperwork!, state.value.summary);
          if (!issued.ok) throw new Error(issued.reason);
          return issued.invoice.document.number;
        },
        { maxAttempts: 100 },
      );
    const numbers = await Promise.all(packIds.map(issueOne));
    expect(new Set(numbers).size).toBe(50);
    expect([...numbers].sort()).toEqual(Array.from({ length: 50 }, (_, i) => numberOf(i + 1)));
    expect((await documents()).map((d) => d.sequence)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  }, 300_000);

  it("through the callable, racing: distinct consecutive numbers; asking again answers the same invoice, unchanged", async () => {
    for (let i = 0; i < 6; i += 1) {
      await clientWithPack(`inv-${i}`, 2);
      await call("saveBillingAddress", { coachId, clientUid: `inv-${i}`, address }, emma);
    }
    const targets = Array.from({ length: 6 }, (_, i) => ({ type: "pack" as const, id: `pack-inv-${i}` }));
    const issued = await Promise.all(targets.map((target) => call("issueInvoice", { coachId, target }, emma)));
    expect(issued.map((r) => r.document.number).sort()).toEqual(Array.from({ length: 6 }, (_, i) => numberOf(i + 1)));

    const before = (await documentsCol(coachId).doc(issued[0]!.document.id).get()).data();
    await call("setInvoiceSettings", { coachId, settings: { ...demoCoach.invoicing!, legalName: "Someone Else GmbH", prefix: "X-" } }, emma);
    const again = await call("issueInvoice", { coachId, target: targets[0]! }, emma);
    expect(again.document).toEqual(issued[0]!.document);
    expect((await documentsCol(coachId).doc(issued[0]!.document.id).get()).data()).toEqual(before);
    expect(await neverChanged()).toBe(true);
    // The new prefix starts its own range.
    const next = await call("issueInvoice", { coachId, target: lenaPack }, emma).catch(() => undefined);
    expect(next).toBeUndefined();
    await call("saveBillingAddress", { coachId, clientUid: lenaUid, address }, emma);
    expect((await call("issueInvoice", { coachId, target: lenaPack }, emma)).document.number).toBe(`X-${year()}-0001`);
  });
});

describe("who sees documents", () => {
  it("the coach and the client list and download them; anybody else learns nothing; nobody can edit one", async () => {
    await pay(lenaPack, 10000);
    const [receipt] = await documents();
    const asCoach = await call("listDocuments", { coachId, clientUid: lenaUid }, emma);
    const asClient = await call("listDocuments", { coachId }, lena);
    expect(asCoach.documents.map((d) => d.number)).toEqual([receipt!.number]);
    expect(asClient).toEqual(asCoach);

    const pdf = await call("getDocumentPdf", { coachId, documentId: receipt!.id }, lena);
    expect(Buffer.from(pdf.pdfBase64, "base64").subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.filename).toMatch(/\.pdf$/);

    const stranger = await clientWithPack("stranger", 0);
    expect((await callFailing("getDocumentPdf", { coachId, documentId: receipt!.id }, stranger)).reason).toBe("DOCUMENT_NOT_FOUND");
    expect((await call("listDocuments", { coachId }, stranger)).documents).toEqual([]);
    expect((await callFailing("listDocuments", { coachId, clientUid: lenaUid }, stranger)).reason).toBe("NOT_ALLOWED");
    expect((await callFailing("issueInvoice", { coachId, target: lenaPack }, lena)).reason).toBe("NOT_ALLOWED");
  });
});

describe("the accountant's export", () => {
  it("one row per invoice, payment and refund; its totals match the payments; the PDFs come as a ZIP", async () => {
    await call("saveBillingAddress", { coachId, clientUid: lenaUid, address }, emma);
    await pay(lenaPack, 30000);
    await pay(lenaPack, 28000);
    await pay(lenaPack, 5000, "recordRefund");
    const today = DateTime.now().setZone(demoCoach.timeZone);
    const exported = await call("exportDocuments", { coachId, from: today.minus({ days: 1 }).toISODate()!, to: today.plus({ days: 1 }).toISODate()! }, emma);
    expect([exported.documents, exported.payments]).toEqual([4, 3]);
    const [header, ...rows] = exported.csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n")
      .map((line) => line.split(","));
    const column = (name: string) => header!.indexOf(name);
    expect(rows.map((row) => row[column("type")])).toEqual(["invoice", "payment", "payment", "credit_note"]);
    const sum = (type: string[]) =>
      rows.filter((row) => type.includes(row[column("type")]!)).reduce((total, row) => total + Math.round(Number(row[column("gross")]) * 100), 0);
    const records = (await db().collection(`coaches/${coachId}/payments`).get()).docs.map((d) => d.data());
    const net = records.reduce((total, r) => total + (r.kind === "payment" ? r.amountMinor : -r.amountMinor), 0);
    expect(sum(["payment", "credit_note"])).toBe(net);
    for (const row of rows) {
      expect(Math.round(Number(row[column("net")]) * 100) + Math.round(Number(row[column("vat")]) * 100)).toBe(Math.round(Number(row[column("gross")]) * 100));
    }
    const { unzipSync } = await import("fflate");
    const files = Object.keys(unzipSync(Buffer.from(exported.zipBase64!, "base64")));
    expect(files).toHaveLength(4);
    expect(files.every((name) => name.endsWith(".pdf"))).toBe(true);
  });

  it("a receipt reaches the client by e-mail with its PDF", async () => {
    await pay(lenaPack, 10000);
    const [receipt] = await documents();
    // The payment's mail, by the id it gave it.
    const mail = await sentMail(coachId, `payment-${receipt!.id.replace(/^receipt-/, "")}`, DEMO.client.email);
    expect(kindOf(mail)).toBe("payment_receipt");
    const pdf = mail.attachments.find((a) => a.contentType === "application/pdf");
    expect(pdf?.filename).toContain(receipt!.number);
  });
});
