// E-mails to a client: what each kind says, in the client's language (else
// the coach's), with times in the client's zone and money in the coach's
// currency; the invite kinds carry an .ics with a stable UID and a SEQUENCE
// that grows with every change. Pure: the shell gathers the facts, this
// renders them, a transport sends the result.
import { DateTime } from "luxon";
import { ClientMailKind, MailFacts, MailFormat, MailLang, MailSession, RenderedMail } from "./client-mail-facts.js";
import { mailText } from "./client-mail.text.js";
import { CalendarMethod, Person, icsCalendar } from "./ics.js";
import { escapeHtml } from "./text.js";

/** The client's language if SoloCoach speaks it, else the coach's. */
export function mailLanguage(client: string | undefined, coach: MailLang): MailLang {
  const base = client?.toLowerCase().split(/[-_]/)[0];
  return base === "en" || base === "de" ? base : coach;
}

const INTL_LOCALE: Record<MailLang, string> = { en: "en-GB", de: "de-DE" };
const WHEN: Record<MailLang, string> = { en: "ccc d LLL, HH:mm", de: "ccc, d. LLL, HH:mm" };
const DAY: Record<MailLang, string> = { en: "ccc d LLL yyyy", de: "ccc, d. LLL yyyy" };

/** Formats for `facts`: "Tue 24 Nov, 18:00" / "Di, 24. Nov, 18:00", "€65.00" / "65,00 €". */
export function mailFormat(facts: Pick<MailFacts, "lang" | "timeZone" | "currency">): MailFormat {
  const locale = INTL_LOCALE[facts.lang];
  const money = new Intl.NumberFormat(locale, { style: "currency", currency: facts.currency });
  return {
    when: (instant) => instant.setZone(facts.timeZone).setLocale(locale).toFormat(WHEN[facts.lang]),
    lastDay: (end) => end.minus({ milliseconds: 1 }).setZone(facts.timeZone).setLocale(locale).toFormat(DAY[facts.lang]),
    money: (minor) => money.format(minor / 100),
  };
}

/** Renders one mail: the kind's words, then the portal link; HTML readable on a phone. */
export function renderClientMail(kind: ClientMailKind, facts: MailFacts): RenderedMail {
  const t = mailText(facts.lang);
  const said = t.kinds[kind](facts, mailFormat(facts));
  // A kind leaves out facts it did not get: no empty paragraph, no dangling ", " in the subject.
  const words = { subject: said.subject.replace(/(?:[,:]\s*)+$/, ""), lines: said.lines.filter((line) => line.trim() !== "") };
  const paragraphs = [t.greeting(facts.clientName), ...words.lines];
  const unsubscribe = facts.unsubscribeUrl ? [`${t.unsubscribe}: ${facts.unsubscribeUrl}`] : [];
  const text = [...paragraphs, `${t.manage}: ${facts.portalUrl}`, t.signature(facts.coachName), ...unsubscribe].join("\n\n") + "\n";
  const html = [
    `<!doctype html><html lang="${facts.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(words.subject)}</title></head>`,
    `<body style="margin:0;padding:24px 16px;background:#f6f7f9;font:16px/1.5 -apple-system,Segoe UI,Roboto,sans-serif;color:#1a1a2e">`,
    `<div style="max-width:32rem;margin:0 auto;background:#fff;border-radius:12px;padding:24px">`,
    ...paragraphs.map((line) => `<p style="margin:0 0 16px">${escapeHtml(line)}</p>`),
    `<p style="margin:24px 0"><a href="${escapeHtml(facts.portalUrl)}" style="display:inline-block;padding:12px 20px;border-radius:8px;background:#14532d;color:#fff;text-decoration:none">${escapeHtml(t.manage)}</a></p>`,
    `<p style="margin:0;color:#555">${escapeHtml(t.signature(facts.coachName))}</p>`,
    ...(facts.unsubscribeUrl
      ? [`<p style="margin:24px 0 0;font-size:14px"><a href="${escapeHtml(facts.unsubscribeUrl)}" style="color:#555">${escapeHtml(t.unsubscribe)}</a></p>`]
      : []),
    `</div></body></html>`,
  ].join("\n");
  return { subject: words.subject, text, html };
}

/**
 * The session as an invite: the UID names the booking, so a move or a
 * cancellation replaces the event the client already has (with a higher
 * `sequence`) instead of adding one.
 */
export function sessionInvite(args: {
  session: MailSession;
  method: CalendarMethod;
  sequence: number;
  coach: Person;
  client: Person;
  stamp: DateTime;
}): string {
  const { session } = args;
  const event = {
    uid: `booking-${session.bookingId}@solocoach`,
    start: session.start,
    end: session.end,
    summary: `${session.title} · ${args.coach.name}`,
    location: [session.place, session.address].filter(Boolean).join(", "),
    description: "",
    status: args.method === "CANCEL" ? ("CANCELLED" as const) : ("CONFIRMED" as const),
    stamp: args.stamp,
    sequence: args.sequence,
    organizer: args.coach,
    attendee: args.client,
  };
  return icsCalendar(session.title, [event], args.method);
}
