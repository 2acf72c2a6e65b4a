// The coach app's words about weekly series, en and de: booking one for a
// client, and cancelling a session with every later one.
import type { Lang } from "../../i18n/index.js";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const en = {
  checking: "Checking those weeks…",
  payLink: "a payment link (online)",
  linkOnce: "A payment link pays for one session: choose “Only this time”, or another way to pay.",
  linkToSend: (url: string) => `Send the client this payment link (valid 23 hours): ${url}`,
  afterSeries: (title: string, when: string, weeks: number, name: string, pay: string) =>
    `${title} every week from ${when}, ${weeks} times, for ${name}, each paid with ${pay}.`,
  noWeekFree: "None of those weeks is free: pick another time.",
  seriesBooked: (booked: number, skipped: number) =>
    `Booked ${plural(booked, "weekly session", "weekly sessions")}${skipped > 0 ? `; ${skipped} skipped` : ""}; the client gets the confirmations by e-mail.`,
  cancelRest: "Cancel this and later sessions",
  restPreview: (count: number) => `Cancelling ${plural(count, "session", "sessions")} of this series:`,
  confirmCancelRest: (count: number) => `Cancel ${plural(count, "session", "sessions")}`,
  keepRest: "Keep the sessions",
  restCancelled: (count: number) => `${plural(count, "session", "sessions")} cancelled.`,
};

export type SeriesText = typeof en;

const de: SeriesText = {
  checking: "Die Wochen werden geprüft …",
  payLink: "einem Zahlungslink (online)",
  linkOnce: "Ein Zahlungslink gilt für eine Stunde: Wähle „Nur dieses Mal“ oder eine andere Zahlungsart.",
  linkToSend: (url) => `Schick dem Kunden diesen Zahlungslink (23 Stunden gültig): ${url}`,
  afterSeries: (title, when, weeks, name, pay) => `${title} jede Woche ab ${when}, ${weeks}-mal, für ${name}, jeweils bezahlt mit ${pay}.`,
  noWeekFree: "Keine dieser Wochen ist frei: Wähle eine andere Zeit.",
  seriesBooked: (booked, skipped) =>
    `${plural(booked, "wöchentlicher Termin", "wöchentliche Termine")} gebucht${skipped > 0 ? `, ${skipped} übersprungen` : ""}; der Kunde erhält die Bestätigungen per E-Mail.`,
  cancelRest: "Diesen und alle späteren Termine absagen",
  restPreview: (count) => `Es werden ${plural(count, "Termin", "Termine")} dieser Serie abgesagt:`,
  confirmCancelRest: (count) => `${plural(count, "Termin", "Termine")} absagen`,
  keepRest: "Termine behalten",
  restCancelled: (count) => `${plural(count, "Termin", "Termine")} abgesagt.`,
};

export const seriesText = (lang: Lang): SeriesText => (lang === "de" ? de : en);
