// A mail from the outbox made ready to send: the facts gathered from the
// booking, pack and payment it is about, rendered in the client's language
// and zone, with the invite for bookings and the unsubscribe link for the
// kinds a client may stop.
import { DateTime } from "luxon";
import { Booking } from "../../domain/booking.js";
import { ClientRecord } from "../../domain/clients.js";
import { ClientMailKind, MailFacts, MailSession } from "../../domain/client-mail-facts.js";
import { MailOutboxEntry, OPTIONAL_KINDS } from "../../domain/client-mail-plan.js";
import { mailLanguage, renderClientMail, sessionInvite } from "../../domain/client-mail.js";
import { Coach } from "../../domain/coach.js";
import { CalendarMethod } from "../../domain/ics.js";
import { MailAttachment, OutgoingMail } from "../../gateways/email-transport.js";
import { mailSender, siteOrigin } from "../config.js";
import { adminAuth } from "../firebase.js";
import { bookingsCol, documentsCol, offeringsCol, packsCol, paymentsCol } from "../firestore/refs.js";
import { documentIds } from "../../domain/invoices.js";
import { PaymentRecord } from "../../domain/payments.js";
import { unsubscribeUrl } from "./links.js";
import { PAYMENT_LINK_HOURS } from "../../domain/stripe-account.js";

/** The invite a kind carries: a new or changed event, or the event withdrawn. */
const INVITE: Partial<Record<ClientMailKind, CalendarMethod>> = {
  booking_confirmed: "REQUEST",
  booking_moved: "REQUEST",
  cancelled_by_client: "CANCEL",
  cancelled_by_coach: "CANCEL",
};

/** The coach's own address (their account's), where clients' replies go. */
async function coachAddress(coach: Coach): Promise<string> {
  const user = await (await adminAuth()).getUser(coach.ownerUid);
  return user.email ?? mailSender.value();
}

/** The session a booking mail names, at the start the change left it (its length from the booking). */
async function sessionOf(coachId: string, coach: Coach, bookingId: string, booking: Booking, start: DateTime | null): Promise<MailSession> {
  const offering = (await offeringsCol(coachId).doc(booking.offeringId).get()).data();
  const location = coach.locations.find((place) => place.id === offering?.locationId);
  const from = start ?? booking.startsAt;
  return {
    bookingId,
    title: offering?.title ?? "",
    start: from,
    end: from.plus(booking.endsAt.diff(booking.startsAt)),
    place: location?.name ?? "",
    address: location?.address ?? "",
  };
}

/** A payment's receipt or a refund's credit note as a PDF, when the coach invoices (it was issued with the movement). */
async function documentOf(coachId: string, kind: PaymentRecord["kind"], paymentId: string): Promise<MailAttachment[]> {
  const document = (await documentsCol(coachId).doc(documentIds.forMoney(kind, paymentId)).get()).data();
  if (!document) return [];
  const { renderDocumentPdf, documentFilename } = await import("../invoices/pdf.js");
  return [{ filename: documentFilename(document), contentType: "application/pdf", content: Buffer.from(await renderDocumentPdf(document)) }];
}

/** The payment link a booking holds while its price is open (a link already paid or gone says nothing). */
function payLinkOf(booking: Booking | undefined): MailFacts["payLink"] {
  if (!booking?.checkout || booking.payment.method !== "single") return undefined;
  const amountMinor = booking.payment.amountDueMinor - booking.payment.paidMinor;
  return amountMinor > 0 ? { url: booking.checkout.url, amountMinor, validHours: PAYMENT_LINK_HOURS } : undefined;
}

/** Units left in the client's active packs with the coach. */
async function balanceOf(coachId: string, clientUid: string): Promise<number> {
  const packs = await packsCol(coachId).where("clientUid", "==", clientUid).where("status", "==", "active").get();
  return packs.docs.reduce((sum, doc) => sum + doc.data().remaining, 0);
}

/** The outgoing mail for an outbox entry; `mailId` names it (and its Message-ID, so a resend after a crash is one mail to the client). */
export async function composeMail(args: {
  coachId: string;
  coach: Coach;
  mailId: string;
  entry: MailOutboxEntry;
  client: ClientRecord;
  now: DateTime;
}): Promise<OutgoingMail> {
  const { coachId, coach, entry, client } = args;
  const { about } = entry;
  const [booking, pack, payment, replyTo] = await Promise.all([
    about.bookingId ? bookingsCol(coachId).doc(about.bookingId).get() : undefined,
    about.packId ? packsCol(coachId).doc(about.packId).get() : undefined,
    about.paymentId ? paymentsCol(coachId).doc(about.paymentId).get() : undefined,
    coachAddress(coach),
  ]);
  const bookingData = booking?.data();
  const packData = pack?.data();
  const money = payment?.data();
  const lang = mailLanguage(client.language ?? undefined, coach.locale);
  const cancelled = entry.kind === "cancelled_by_client" || entry.kind === "cancelled_by_coach";
  const optional = OPTIONAL_KINDS.includes(entry.kind);
  const facts: MailFacts = {
    lang,
    clientName: client.name,
    coachName: coach.name,
    timeZone: client.timeZone ?? coach.timeZone,
    currency: coach.currency,
    portalUrl: `${siteOrigin.value()}${lang === "de" ? "/de" : ""}/portal`,
    unsubscribeUrl: optional ? unsubscribeUrl(coachId, entry.clientUid) : undefined,
    session: bookingData && about.bookingId ? await sessionOf(coachId, coach, about.bookingId, bookingData, about.start) : undefined,
    movedFrom: about.movedFrom ?? undefined,
    outcome: bookingData?.resolution?.outcome,
    balance: cancelled ? await balanceOf(coachId, entry.clientUid) : undefined,
    pack: packData ? { name: packData.name, remaining: packData.remaining, expiresAt: packData.expiresAt } : undefined,
    money: money ? { amountMinor: money.amountMinor, method: money.method, wallet: money.wallet } : undefined,
    leadHours: about.leadHours ?? undefined,
    payLink: entry.kind === "payment_link" ? payLinkOf(bookingData) : undefined,
  };
  const rendered = renderClientMail(entry.kind, facts);
  const to = { name: client.name, address: client.email };
  const method = INVITE[entry.kind];
  const invite: MailAttachment[] =
    method && facts.session
      ? [
          {
            filename: method === "CANCEL" ? "cancelled.ics" : "invite.ics",
            contentType: `text/calendar; charset=utf-8; method=${method}`,
            content: sessionInvite({
              session: facts.session,
              method,
              sequence: entry.sequence,
              coach: { name: coach.name, email: replyTo },
              client: { name: client.name, email: client.email },
              stamp: args.now,
            }),
          },
        ]
      : [];
  const attachments = [...invite, ...(money && about.paymentId ? await documentOf(coachId, money.kind, about.paymentId) : [])];
  // The kind names the mail for support and for the tests that read the local inbox.
  const headers: Record<string, string> = {
    "X-SoloCoach-Kind": entry.kind,
    ...(facts.unsubscribeUrl ? { "List-Unsubscribe": `<${facts.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } : {}),
  };
  return {
    messageId: `<${args.mailId}.${coachId}@${mailSender.value().split("@")[1] ?? "solocoach"}>`,
    from: { name: coach.name, address: mailSender.value() },
    replyTo: { name: coach.name, address: replyTo },
    to,
    ...rendered,
    attachments,
    headers,
  };
}
