// The words of the e-mails to clients, in English and German. Longer than 250
// lines would be on purpose (a table of texts in two languages); each kind
// picks the facts it names from MailFacts.
import type { CancellationOutcome } from "./booking.js";
import type { ClientMailKind, MailFacts, MailFormat, MailLang } from "./client-mail-facts.js";
import type { PaymentMethod } from "./payments.js";

/** What one kind says: a subject and its paragraphs. */
type Words = (facts: MailFacts, format: MailFormat) => { subject: string; lines: string[] };

/** "Private lesson · Tue 24 Nov, 18:00 · Court 3, Waldstraße 12". */
function sessionLine(f: MailFacts, format: MailFormat): string {
  const s = f.session;
  if (!s) return "";
  const place = [s.place, s.address].filter(Boolean).join(", ");
  return [s.title, format.when(s.start), place].filter(Boolean).join(" · ");
}

const title = (f: MailFacts) => f.session?.title ?? "";

const en = {
  greeting: (name: string) => `Hello ${name || "there"},`,
  manage: "Your bookings",
  unsubscribe: "No more reminders by e-mail",
  signature: (coach: string) => `${coach}, via SoloCoach`,
  outcome: {
    credited: "Your unit was credited back.",
    counted_as_used: "It was late, so the unit counts as used.",
    refundable: "What you paid will be refunded.",
    charge_kept: "It was late, so the price is still due.",
    released: "Nothing was charged.",
    waived: "The coach waived the charge.",
  } satisfies Record<CancellationOutcome, string>,
  method: { cash: "in cash", bank_transfer: "by bank transfer", card: "by card", wallet: "with a wallet" } satisfies Record<PaymentMethod, string>,
  sessions: (n: number) => `${n} session${n === 1 ? "" : "s"}`,
  balance: (n: number) => `You have ${en.sessions(n)} left in your packs.`,
};

const de: typeof en = {
  greeting: (name: string) => `Hallo ${name || ""}`.trimEnd() + ",",
  manage: "Deine Buchungen",
  unsubscribe: "Keine Erinnerungen mehr per E-Mail",
  signature: (coach: string) => `${coach}, über SoloCoach`,
  outcome: {
    credited: "Deine Einheit wurde gutgeschrieben.",
    counted_as_used: "Die Absage kam zu spät, die Einheit gilt als genutzt.",
    refundable: "Was du bezahlt hast, wird erstattet.",
    charge_kept: "Die Absage kam zu spät, der Preis bleibt fällig.",
    released: "Es wurde nichts berechnet.",
    waived: "Der Coach hat auf die Gebühr verzichtet.",
  },
  method: { cash: "bar", bank_transfer: "per Überweisung", card: "mit Karte", wallet: "mit einer Wallet" },
  sessions: (n: number) => `${n} ${n === 1 ? "Einheit" : "Einheiten"}`,
  balance: (n: number) => `Du hast noch ${de.sessions(n)} in deinen Paketen.`,
};

/** The kinds in English. */
const enKinds = {
  booking_confirmed: (f, format) => ({
    subject: `Booked: ${title(f)}, ${f.session ? format.when(f.session.start) : ""}`,
    lines: [`Your session with ${f.coachName} is booked.`, sessionLine(f, format), "The calendar invite is attached."],
  }),
  request_received: (f, format) => ({
    subject: `Request sent: ${title(f)}`,
    lines: [`${f.coachName} has your request and will confirm it.`, sessionLine(f, format), "The time is held for you meanwhile."],
  }),
  request_declined: (f, format) => ({
    subject: `Not possible: ${title(f)}`,
    lines: [`${f.coachName} cannot take this session.`, sessionLine(f, format), "Nothing was charged. Pick another time on the booking page."],
  }),
  reminder: (f, format) => ({
    subject: `Reminder: ${title(f)}, ${f.session ? format.when(f.session.start) : ""}`,
    lines: [`Your session with ${f.coachName} starts in ${f.leadHours ?? 24} hours.`, sessionLine(f, format)],
  }),
  booking_moved: (f, format) => ({
    subject: `Moved: ${title(f)}, now ${f.session ? format.when(f.session.start) : ""}`,
    lines: [
      `Your session with ${f.coachName} was moved${f.movedFrom ? ` from ${format.when(f.movedFrom)}` : ""}.`,
      sessionLine(f, format),
      "The updated calendar invite is attached.",
    ],
  }),
  cancelled_by_client: (f, format) => ({
    subject: `Cancelled: ${title(f)}`,
    lines: [
      "You cancelled this session.",
      sessionLine(f, format),
      f.outcome ? en.outcome[f.outcome] : "",
      f.balance === undefined ? "" : en.balance(f.balance),
    ],
  }),
  cancelled_by_coach: (f, format) => ({
    subject: `Cancelled by ${f.coachName}: ${title(f)}`,
    lines: [
      `${f.coachName} had to cancel this session.`,
      sessionLine(f, format),
      en.outcome[f.outcome ?? "credited"],
      f.balance === undefined ? "" : en.balance(f.balance),
    ],
  }),
  pack_bought: (f, format) => ({
    subject: `Your pack: ${f.pack?.name ?? ""}`,
    lines: [
      `Your ${f.pack?.name ?? "pack"} is ready: ${en.sessions(f.pack?.remaining ?? 0)}, valid through ${f.pack ? format.lastDay(f.pack.expiresAt) : ""}.`,
    ],
  }),
  pack_low: (f) => ({
    subject: `One session left in ${f.pack?.name ?? "your pack"}`,
    lines: [`You have one session left in your ${f.pack?.name ?? "pack"}. Ask ${f.coachName} for a new pack when you like.`],
  }),
  pack_expiring: (f, format) => ({
    subject: `${f.pack?.name ?? "Your pack"} ends soon`,
    lines: [
      `Your ${f.pack?.name ?? "pack"} is valid through ${f.pack ? format.lastDay(f.pack.expiresAt) : ""}, with ${en.sessions(f.pack?.remaining ?? 0)} left. Book before then.`,
    ],
  }),
  payment_receipt: (f, format) => ({
    subject: `Receipt: ${f.money ? format.money(f.money.amountMinor) : ""} to ${f.coachName}`,
    lines: [`${f.coachName} received ${f.money ? format.money(f.money.amountMinor) : ""} ${f.money ? en.method[f.money.method] : ""}.`, sessionLine(f, format)],
  }),
  refund_receipt: (f, format) => ({
    subject: `Refund: ${f.money ? format.money(f.money.amountMinor) : ""} from ${f.coachName}`,
    lines: [`${f.coachName} refunded ${f.money ? format.money(f.money.amountMinor) : ""} ${f.money ? en.method[f.money.method] : ""}.`, sessionLine(f, format)],
  }),
  payment_link: (f, format) => ({
    subject: `Pay online: ${title(f)}, ${f.session ? format.when(f.session.start) : ""}`,
    lines: [
      `${f.coachName} booked this session for you.`,
      sessionLine(f, format),
      f.payLink ? `Pay ${format.money(f.payLink.amountMinor)} by card or wallet: ${f.payLink.url}` : "",
      f.payLink ? `The link works for ${f.payLink.validHours} hours. You can also pay on site.` : "",
    ],
  }),
  coach_message: (f) => ({
    subject: `New message from ${f.coachName}`,
    lines: [`${f.coachName} wrote to you. Read and answer it in your bookings.`],
  }),
} satisfies Record<ClientMailKind, Words>;

/** The kinds in German. */
const deKinds = {
  booking_confirmed: (f, format) => ({
    subject: `Gebucht: ${title(f)}, ${f.session ? format.when(f.session.start) : ""}`,
    lines: [`Deine Stunde bei ${f.coachName} ist gebucht.`, sessionLine(f, format), "Die Kalendereinladung ist angehängt."],
  }),
  request_received: (f, format) => ({
    subject: `Anfrage gesendet: ${title(f)}`,
    lines: [`${f.coachName} hat deine Anfrage und bestätigt sie.`, sessionLine(f, format), "Der Termin ist so lange für dich reserviert."],
  }),
  request_declined: (f, format) => ({
    subject: `Nicht möglich: ${title(f)}`,
    lines: [
      `${f.coachName} kann diese Stunde nicht übernehmen.`,
      sessionLine(f, format),
      "Es wurde nichts berechnet. Wähle einen anderen Termin auf der Buchungsseite.",
    ],
  }),
  reminder: (f, format) => ({
    subject: `Erinnerung: ${title(f)}, ${f.session ? format.when(f.session.start) : ""}`,
    lines: [`Deine Stunde bei ${f.coachName} beginnt in ${f.leadHours ?? 24} Stunden.`, sessionLine(f, format)],
  }),
  booking_moved: (f, format) => ({
    subject: `Verschoben: ${title(f)}, jetzt ${f.session ? format.when(f.session.start) : ""}`,
    lines: [
      `Deine Stunde bei ${f.coachName} wurde verschoben${f.movedFrom ? ` (bisher ${format.when(f.movedFrom)})` : ""}.`,
      sessionLine(f, format),
      "Die geänderte Kalendereinladung ist angehängt.",
    ],
  }),
  cancelled_by_client: (f, format) => ({
    subject: `Abgesagt: ${title(f)}`,
    lines: [
      "Du hast diese Stunde abgesagt.",
      sessionLine(f, format),
      f.outcome ? de.outcome[f.outcome] : "",
      f.balance === undefined ? "" : de.balance(f.balance),
    ],
  }),
  cancelled_by_coach: (f, format) => ({
    subject: `Abgesagt von ${f.coachName}: ${title(f)}`,
    lines: [
      `${f.coachName} musste diese Stunde absagen.`,
      sessionLine(f, format),
      de.outcome[f.outcome ?? "credited"],
      f.balance === undefined ? "" : de.balance(f.balance),
    ],
  }),
  pack_bought: (f, format) => ({
    subject: `Dein Paket: ${f.pack?.name ?? ""}`,
    lines: [
      `Dein ${f.pack?.name ?? "Paket"} ist bereit: ${de.sessions(f.pack?.remaining ?? 0)}, gültig bis einschließlich ${f.pack ? format.lastDay(f.pack.expiresAt) : ""}.`,
    ],
  }),
  pack_low: (f) => ({
    subject: `Noch eine Einheit in ${f.pack?.name ?? "deinem Paket"}`,
    lines: [`Du hast noch eine Einheit in deinem ${f.pack?.name ?? "Paket"}. Frag ${f.coachName} nach einem neuen Paket, wenn du magst.`],
  }),
  pack_expiring: (f, format) => ({
    subject: `${f.pack?.name ?? "Dein Paket"} läuft bald ab`,
    lines: [
      `Dein ${f.pack?.name ?? "Paket"} gilt bis einschließlich ${f.pack ? format.lastDay(f.pack.expiresAt) : ""}. Noch offen: ${de.sessions(f.pack?.remaining ?? 0)}. Buche sie vorher.`,
    ],
  }),
  payment_receipt: (f, format) => ({
    subject: `Beleg: ${f.money ? format.money(f.money.amountMinor) : ""} an ${f.coachName}`,
    lines: [
      `${f.coachName} hat ${f.money ? format.money(f.money.amountMinor) : ""} ${f.money ? de.method[f.money.method] : ""} erhalten.`,
      sessionLine(f, format),
    ],
  }),
  refund_receipt: (f, format) => ({
    subject: `Erstattung: ${f.money ? format.money(f.money.amountMinor) : ""} von ${f.coachName}`,
    lines: [
      `${f.coachName} hat ${f.money ? format.money(f.money.amountMinor) : ""} ${f.money ? de.method[f.money.method] : ""} erstattet.`,
      sessionLine(f, format),
    ],
  }),
  payment_link: (f, format) => ({
    subject: `Online bezahlen: ${title(f)}, ${f.session ? format.when(f.session.start) : ""}`,
    lines: [
      `${f.coachName} hat diese Stunde für dich gebucht.`,
      sessionLine(f, format),
      f.payLink ? `Bezahle ${format.money(f.payLink.amountMinor)} mit Karte oder Wallet: ${f.payLink.url}` : "",
      f.payLink ? `Der Link gilt ${f.payLink.validHours} Stunden. Du kannst auch vor Ort bezahlen.` : "",
    ],
  }),
  coach_message: (f) => ({
    subject: `Neue Nachricht von ${f.coachName}`,
    lines: [`${f.coachName} hat dir geschrieben. Lies und antworte in deinen Buchungen.`],
  }),
} satisfies Record<ClientMailKind, Words>;

/** The texts of a language. */
export function mailText(lang: MailLang) {
  const kinds: Record<ClientMailKind, Words> = lang === "de" ? deKinds : enKinds;
  return { ...(lang === "de" ? de : en), kinds };
}
