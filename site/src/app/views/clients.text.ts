// Texts of the coach app's client screens (list, detail, operations, messages,
// reviews, privacy) in en and de. Booking states, payment methods and ledger
// reasons come from site/src/i18n (strings(lang)), shared with the portal.
// Longer than 250 lines on purpose: a table of texts in two languages, kept
// in one file so that a German text sits in the same place as its English one.
import type { Reason } from "../../../../functions/src/domain/errors.js";
import type { LedgerReason, Pack } from "../../../../functions/src/domain/packs.js";
import type { KeptRecords } from "../../../../functions/src/domain/privacy.js";
import type { Lang } from "../../i18n/index.js";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const ENGLISH_KEPT_WHY: Partial<Record<KeptRecords, string>> = {};

const en = {
  // List
  title: "Clients",
  search: "Search by name, email or phone",
  count: (shown: number, all: number) => (shown === all ? plural(all, "client", "clients") : `${shown} of ${plural(all, "client", "clients")}`),
  none: "No clients yet. Sell a pack to your first client.",
  noMatch: "No client matches your search.",
  more: "Show more clients",
  searchFurther: "Search further",
  noName: "Client without a name",
  newClient: "New client / sell a pack",
  sessions: (n: number) => plural(n, "session", "sessions"),
  last: (when: string) => `last ${when}`,
  next: (when: string) => `next ${when}`,
  noNext: "nothing booked",
  revenueOpen: (revenue: string, open: string) => `${revenue} paid · ${open} open`,
  units: (n: number) => plural(n, "unit", "units"),
  noShowsLate: (noShows: number, late: number) => `${plural(noShows, "no-show", "no-shows")} · ${plural(late, "late cancellation", "late cancellations")}`,

  // Detail: header and figures
  back: "All clients",
  call: (phone: string) => `Call ${phone}`,
  mail: (email: string) => `Email ${email}`,
  mailProblem: (address: string, reason: string, when: string) =>
    `E-mails to ${address} do not arrive (${when}: ${reason}). Check the address with the client.`,
  remindersOff: "Unsubscribed from reminder e-mails (confirmations and receipts still go out).",
  figures: "Figures",
  stat: {
    sessionsCompleted: "Sessions completed",
    lastSession: "Last session",
    nextSession: "Next session",
    revenue: "Revenue",
    open: "Open",
    packBalance: "Pack balance",
    noShows: "No-shows",
    lateCancellations: "Late cancellations",
  },
  never: "—",
  requestedTag: "(requested)",
  jump: "On this page",

  // Sections
  packsTitle: "Packs and payments",
  timelineTitle: "Timeline",
  notesTitle: "Private notes",
  messagesTitle: "Messages",
  reviewsTitle: "Reviews",
  privacyTitle: "Privacy",

  // Packs and payment targets
  noPacks: "No packs.",
  packLine: (left: number, units: number, until: string) => `${left} of ${units} left · valid until ${until}`,
  packStatus: { pending: "waiting for online payment", active: "active", expired: "expired", refunded: "refunded" } satisfies Record<Pack["status"], string>,
  paidOf: (paid: string, due: string, state: string) => `paid ${paid} of ${due} · ${state}`,
  refundedLine: (refunded: string) => `refunded ${refunded}`,
  singleTitle: (title: string, when: string) => `${title} · ${when}`,
  sellPack: "Sell a pack",
  bookSession: "Book a session",
  noSessionTypes: "Add a session type in Settings first.",
  sessionType: "Session type",
  day: "Day",
  freeTime: "Free time",
  loadingTimes: "Looking for free times…",
  noFreeTime: "No free time that day: pick a day or any time below.",
  otherTime: "Another time, outside my hours",
  time: "Time",
  payWith: "Paid with",
  payPack: "a unit of their pack",
  payOnSite: "on site",
  needTime: "Pick a free time, or another time.",
  afterBook: (title: string, when: string, name: string, pay: string) => `${title} on ${when} for ${name}, paid with ${pay}.`,
  booked: (when: string) => `Booked for ${when}; the client gets the confirmation by e-mail.`,
  recordPayment: "Record payment",
  refund: "Refund",
  transfer: "Transfer units",
  extend: "Extend",
  adjust: "Adjust",
  void: "Void",
  cancelOp: "Cancel",

  // Operation forms
  template: "Pack",
  templateOption: (name: string, units: number, price: string, months: number) =>
    `${name} · ${plural(units, "session", "sessions")} · ${price} · ${plural(months, "month", "months")}`,
  noTemplates: "You have no pack templates yet. Add one in Settings.",
  clientName: "Name",
  clientEmail: "Email",
  method: "Method",
  refundToCard: "back to the card, through Stripe",
  amount: (currency: string) => `Amount (${currency})`,
  reference: "Reference (optional)",
  to: "To",
  unitsField: "Units",
  days: "Days",
  change: "Change of units (e.g. −1 or 2)",
  note: "Note (why)",
  noteOptional: "Note (optional)",
  noOtherClients: "There is no other client to transfer to.",

  // "After" lines (computed from what is loaded, before confirming)
  afterSell: (pack: string, who: string, units: number, until: string, open: string) =>
    `Sell ${pack} to ${who} → ${plural(units, "session", "sessions")}, valid until ${until}, ${open} open`,
  afterPayment: (amount: string, method: string, paid: string, due: string, open: string) =>
    `Record ${amount} ${method} → paid ${paid} of ${due}, open ${open}`,
  afterRefund: (amount: string, method: string, refunded: string, paid: string) => `Refund ${amount} ${method} → refunded ${refunded} of ${paid} paid`,
  afterRefundVoids: (left: number) => ` · the ${plural(left, "unit", "units")} left are voided`,
  afterTransfer: (units: number, to: string, from: string, left: number, received: number) =>
    `Transfer ${plural(units, "unit", "units")} to ${to} → ${from} ${left} left, ${to} ${received}`,
  afterExtend: (days: number, until: string) => `Extend ${plural(days, "day", "days")} → valid until ${until}`,
  afterAdjust: (delta: string, left: number) => `Adjust ${delta} → ${left} left`,
  afterVoid: (left: number) => `Void → ${plural(left, "unit", "units")} voided, the pack is closed. Money goes back with Refund.`,
  needAmount: (max: string) => `Enter an amount up to ${max}.`,
  needUnits: (max: number) => `Enter 1 to ${max} units.`,
  needDays: "Enter 1 to 365 days.",
  needDelta: (min: number) => `Enter a change other than 0, at least ${min}.`,
  needNote: "Say why in a few words (at least 3 characters).",
  needClient: "Enter the client's name and email.",
  needTemplate: "Choose a pack.",
  confirm: "Confirm",

  // Server answers
  donePack: (name: string, left: number, units: number, until: string, state: string) =>
    `Done: ${name} · ${left} of ${units} left · valid until ${until} · ${state}`,
  doneMoney: (paid: string, due: string, refunded: string, state: string) =>
    `Done: paid ${paid} of ${due}${refunded ? `, refunded ${refunded}` : ""} · ${state}`,

  // Timeline
  noTimeline: "Nothing yet.",
  olderHistory: "Show older history",
  upcoming: "upcoming",
  unit: "1 pack unit",
  clientNote: (note: string) => `Client's note: “${note}”`,
  reference_: (ref: string) => `Reference: ${ref}`,
  coachLedger: { TRANSFER_OUT: "Units transferred to another client", TRANSFER_IN: "Units received by transfer" } satisfies Partial<
    Record<LedgerReason, string>
  >,
  askReview: "Ask for a review",
  reviewAsked: "Review requested",
  reviewed: (rating: number) => `Reviewed: ${rating} of 5`,

  // Notes
  notesLabel: "Only you see these notes.",
  saveNotes: "Save notes",
  notesSaved: "Notes saved.",

  // Messages
  messageLabel: (name: string) => `Message to ${name}`,
  send: "Send",
  noMessages: "No messages yet.",
  you: "You",
  thread: (name: string) => `Conversation with ${name}`,

  // Reviews
  noReviews: "No reviews yet. Ask for one on a completed session in the timeline.",
  waiting: "Asked, not written yet.",
  stars: (n: number) => `${"★".repeat(n)}${"☆".repeat(5 - n)}`,
  ratingOf: (n: number) => `${n} of 5`,
  consentYes: "May be published on your page.",
  consentNo: "Not for publication (no consent).",
  publishedOn: (day: string) => `Published on your page since ${day}.`,
  notPublished: "Not on your page.",
  publish: "Publish",
  unpublish: "Unpublish",
  reply: "Reply",
  replyLabel: "Your public reply",
  saveReply: "Save reply",
  removeReply: "Remove reply",
  yourReply: (text: string) => `Your reply: ${text}`,
  reviewSaved: "Review updated.",
  requested: "Review requested.",
  sessionOf: (title: string, day: string) => `${title} · ${day}`,

  // Privacy
  exportData: "Export data (JSON)",
  exported: (file: string) => `Downloaded ${file}.`,
  deleteClient: "Delete client",
  deleteIntro: (name: string) => `Delete ${name}'s personal data at their request?`,
  deleteRemoves:
    "Removed: the client record (name, email, phone, private notes, figures), the messages, their reviews (also from your page) and your notifications about them.",
  deleteKeeps:
    "Kept for your accounting, under a pseudonym that names nobody: bookings, packs with their ledger, payments and refunds (German law keeps accounting records for 10 years). The person's sign-in account and data at Stripe are not touched.",
  deleteConfirm: (name: string) => `Delete ${name}`,
  openBusiness: "Not deleted: first settle what is still open with this client.",
  openUpcoming: (n: number) => `${plural(n, "upcoming session", "upcoming sessions")} (cancel them)`,
  openMoney: (amount: string) => `${amount} open (record the payment)`,
  openUnits: (n: number) => `${plural(n, "unused unit", "unused units")} in a valid pack (void or refund the pack)`,
  deleted: "Deleted.",
  removedLine: (messages: number, reviews: number, notifications: number, mails: number) =>
    `Removed: the client record, ${plural(messages, "message", "messages")}, ${plural(reviews, "review", "reviews")}, ${plural(notifications, "notification", "notifications")}, ${plural(mails, "e-mail", "e-mails")}.`,
  keptTitle: (pseudonym: string) => `Kept under the pseudonym ${pseudonym}:`,
  kept: (records: string, count: number) => `${records}: ${count}`,
  keptRecords: { bookings: "Bookings", packs: "Packs", ledger: "Ledger entries", payments: "Payments and refunds" } satisfies Record<KeptRecords, string>,
  /** Why each kind of record is kept: in English the server's own words; other languages say it here. */
  keptWhy: ENGLISH_KEPT_WHY,
  retainUntil: (day: string) => `Keep until ${day}; then they may be deleted.`,
  nothingKept: "No accounting records were kept.",
  notFound: "This client does not exist (any more).",

  // Coach-side wording of refusals that the shared texts phrase for clients.
  errors: {
    PACK_BALANCE_INSUFFICIENT: "The pack has not enough units left for this.",
    REQUEST_ID_REUSED: "This operation was already used for something else. Please try again.",
    BOOKING_NOT_CANCELLABLE: "This session can no longer be changed.",
  } satisfies Partial<Record<Reason, string>>,
};

const de: typeof en = {
  title: "Kunden",
  search: "Nach Name, E-Mail oder Telefon suchen",
  count: (shown, all) => (shown === all ? plural(all, "Kunde", "Kunden") : `${shown} von ${plural(all, "Kunde", "Kunden")}`),
  none: "Noch keine Kunden. Verkaufe deinem ersten Kunden ein Paket.",
  noMatch: "Kein Kunde passt zur Suche.",
  more: "Weitere Kunden zeigen",
  searchFurther: "Weiter suchen",
  noName: "Kunde ohne Namen",
  newClient: "Neuer Kunde / Paket verkaufen",
  sessions: (n) => plural(n, "Stunde", "Stunden"),
  last: (when) => `zuletzt ${when}`,
  next: (when) => `nächste ${when}`,
  noNext: "nichts gebucht",
  revenueOpen: (revenue, open) => `${revenue} bezahlt · ${open} offen`,
  units: (n) => plural(n, "Einheit", "Einheiten"),
  noShowsLate: (noShows, late) => `${noShows}× nicht erschienen · ${late}× spät storniert`,

  back: "Alle Kunden",
  call: (phone) => `${phone} anrufen`,
  mail: (email) => `E-Mail an ${email}`,
  mailProblem: (address, reason, when) => `E-Mails an ${address} kommen nicht an (${when}: ${reason}). Prüfe die Adresse mit dem Kunden.`,
  remindersOff: "Hat Erinnerungs-E-Mails abbestellt (Bestätigungen und Belege gehen weiter raus).",
  figures: "Zahlen",
  stat: {
    sessionsCompleted: "Stunden gegeben",
    lastSession: "Letzte Stunde",
    nextSession: "Nächste Stunde",
    revenue: "Umsatz",
    open: "Offen",
    packBalance: "Guthaben",
    noShows: "Nicht erschienen",
    lateCancellations: "Spät storniert",
  },
  never: "—",
  requestedTag: "(angefragt)",
  jump: "Auf dieser Seite",

  packsTitle: "Pakete und Zahlungen",
  timelineTitle: "Verlauf",
  notesTitle: "Private Notizen",
  messagesTitle: "Nachrichten",
  reviewsTitle: "Bewertungen",
  privacyTitle: "Datenschutz",

  noPacks: "Keine Pakete.",
  packLine: (left, units, until) => `noch ${left} von ${units} · gültig bis ${until}`,
  packStatus: { pending: "wartet auf Online-Zahlung", active: "aktiv", expired: "abgelaufen", refunded: "erstattet" },
  paidOf: (paid, due, state) => `${paid} von ${due} bezahlt · ${state}`,
  refundedLine: (refunded) => `${refunded} erstattet`,
  singleTitle: (title, when) => `${title} · ${when}`,
  sellPack: "Paket verkaufen",
  bookSession: "Stunde buchen",
  noSessionTypes: "Lege zuerst in den Einstellungen ein Angebot an.",
  sessionType: "Angebot",
  day: "Tag",
  freeTime: "Freie Zeit",
  loadingTimes: "Freie Zeiten werden gesucht…",
  noFreeTime: "An dem Tag ist nichts frei: wähle einen anderen Tag oder unten eine beliebige Zeit.",
  otherTime: "Andere Zeit, außerhalb meiner Zeiten",
  time: "Uhrzeit",
  payWith: "Bezahlt mit",
  payPack: "einer Einheit aus dem Paket",
  payOnSite: "vor Ort",
  needTime: "Wähle eine freie Zeit oder eine andere Zeit.",
  afterBook: (title, when, name, pay) => `${title} am ${when} für ${name}, bezahlt mit ${pay}.`,
  booked: (when) => `Gebucht für ${when}; die Bestätigung geht per E-Mail an den Kunden.`,
  recordPayment: "Zahlung erfassen",
  refund: "Erstatten",
  transfer: "Einheiten übertragen",
  extend: "Verlängern",
  adjust: "Korrigieren",
  void: "Stornieren",
  cancelOp: "Abbrechen",

  template: "Paket",
  templateOption: (name, units, price, months) => `${name} · ${plural(units, "Stunde", "Stunden")} · ${price} · ${plural(months, "Monat", "Monate")}`,
  noTemplates: "Du hast noch keine Paketvorlagen. Lege eine in den Einstellungen an.",
  clientName: "Name",
  clientEmail: "E-Mail",
  method: "Zahlungsart",
  refundToCard: "zurück auf die Karte, über Stripe",
  amount: (currency) => `Betrag (${currency})`,
  reference: "Verwendungszweck (optional)",
  to: "An",
  unitsField: "Einheiten",
  days: "Tage",
  change: "Änderung der Einheiten (z. B. −1 oder 2)",
  note: "Notiz (warum)",
  noteOptional: "Notiz (optional)",
  noOtherClients: "Es gibt keinen anderen Kunden, an den übertragen werden kann.",

  afterSell: (pack, who, units, until, open) => `${pack} an ${who} verkaufen → ${plural(units, "Stunde", "Stunden")}, gültig bis ${until}, ${open} offen`,
  afterPayment: (amount, method, paid, due, open) => `${amount} ${method} erfassen → ${paid} von ${due} bezahlt, ${open} offen`,
  afterRefund: (amount, method, refunded, paid) => `${amount} ${method} erstatten → ${refunded} von ${paid} Bezahltem erstattet`,
  afterRefundVoids: (left) => ` · die restlichen ${plural(left, "Einheit verfällt", "Einheiten verfallen")}`,
  afterTransfer: (units, to, from, left, received) => `${plural(units, "Einheit", "Einheiten")} an ${to} übertragen → ${from} noch ${left}, ${to} ${received}`,
  afterExtend: (days, until) => `Um ${plural(days, "Tag", "Tage")} verlängern → gültig bis ${until}`,
  afterAdjust: (delta, left) => `Korrektur ${delta} → noch ${left}`,
  afterVoid: (left) => `Stornieren → ${plural(left, "Einheit verfällt", "Einheiten verfallen")}, das Paket wird geschlossen. Geld zurück über „Erstatten“.`,
  needAmount: (max) => `Gib einen Betrag bis ${max} ein.`,
  needUnits: (max) => `Gib 1 bis ${max} Einheiten ein.`,
  needDays: "Gib 1 bis 365 Tage ein.",
  needDelta: (min) => `Gib eine Änderung ungleich 0 ein, mindestens ${min}.`,
  needNote: "Sag in ein paar Worten, warum (mindestens 3 Zeichen).",
  needClient: "Gib Name und E-Mail des Kunden ein.",
  needTemplate: "Wähle ein Paket.",
  confirm: "Bestätigen",

  donePack: (name, left, units, until, state) => `Erledigt: ${name} · noch ${left} von ${units} · gültig bis ${until} · ${state}`,
  doneMoney: (paid, due, refunded, state) => `Erledigt: ${paid} von ${due} bezahlt${refunded ? `, ${refunded} erstattet` : ""} · ${state}`,

  noTimeline: "Noch nichts.",
  olderHistory: "Älteren Verlauf zeigen",
  upcoming: "anstehend",
  unit: "1 Einheit aus dem Paket",
  clientNote: (note) => `Notiz des Kunden: „${note}“`,
  reference_: (ref) => `Verwendungszweck: ${ref}`,
  coachLedger: { TRANSFER_OUT: "Einheiten an anderen Kunden übertragen", TRANSFER_IN: "Einheiten durch Übertragung erhalten" },
  askReview: "Um Bewertung bitten",
  reviewAsked: "Um Bewertung gebeten",
  reviewed: (rating) => `Bewertet: ${rating} von 5`,

  notesLabel: "Nur du siehst diese Notizen.",
  saveNotes: "Notizen speichern",
  notesSaved: "Notizen gespeichert.",

  messageLabel: (name) => `Nachricht an ${name}`,
  send: "Senden",
  noMessages: "Noch keine Nachrichten.",
  you: "Du",
  thread: (name) => `Unterhaltung mit ${name}`,

  noReviews: "Noch keine Bewertungen. Bitte im Verlauf bei einer gegebenen Stunde darum.",
  waiting: "Angefragt, noch nicht geschrieben.",
  stars: en.stars,
  ratingOf: (n) => `${n} von 5`,
  consentYes: "Darf auf deiner Seite veröffentlicht werden.",
  consentNo: "Nicht zur Veröffentlichung (keine Zustimmung).",
  publishedOn: (day) => `Seit ${day} auf deiner Seite veröffentlicht.`,
  notPublished: "Nicht auf deiner Seite.",
  publish: "Veröffentlichen",
  unpublish: "Zurückziehen",
  reply: "Antworten",
  replyLabel: "Deine öffentliche Antwort",
  saveReply: "Antwort speichern",
  removeReply: "Antwort entfernen",
  yourReply: (text) => `Deine Antwort: ${text}`,
  reviewSaved: "Bewertung aktualisiert.",
  requested: "Um Bewertung gebeten.",
  sessionOf: (title, day) => `${title} · ${day}`,

  exportData: "Daten exportieren (JSON)",
  exported: (file) => `${file} heruntergeladen.`,
  deleteClient: "Kunden löschen",
  deleteIntro: (name) => `Die persönlichen Daten von ${name} auf Wunsch löschen?`,
  deleteRemoves:
    "Gelöscht werden: der Kundeneintrag (Name, E-Mail, Telefon, private Notizen, Zahlen), die Nachrichten, die Bewertungen (auch auf deiner Seite) und deine Benachrichtigungen über die Person.",
  deleteKeeps:
    "Für deine Buchhaltung bleiben unter einem Pseudonym, das niemanden nennt: Buchungen, Pakete mit ihrem Verlauf, Zahlungen und Erstattungen (Aufbewahrung 10 Jahre, §147 AO, §257 HGB). Das Anmeldekonto der Person und Daten bei Stripe bleiben unberührt.",
  deleteConfirm: (name) => `${name} löschen`,
  openBusiness: "Nicht gelöscht: Kläre zuerst, was mit diesem Kunden noch offen ist.",
  openUpcoming: (n) => `${plural(n, "anstehende Stunde", "anstehende Stunden")} (absagen)`,
  openMoney: (amount) => `${amount} offen (Zahlung erfassen)`,
  openUnits: (n) => `${plural(n, "ungenutzte Einheit", "ungenutzte Einheiten")} in einem gültigen Paket (Paket stornieren oder erstatten)`,
  deleted: "Gelöscht.",
  removedLine: (messages, reviews, notifications, mails) =>
    `Gelöscht: der Kundeneintrag, ${plural(messages, "Nachricht", "Nachrichten")}, ${plural(reviews, "Bewertung", "Bewertungen")}, ${plural(notifications, "Benachrichtigung", "Benachrichtigungen")}, ${plural(mails, "E-Mail", "E-Mails")}.`,
  keptTitle: (pseudonym) => `Aufbewahrt unter dem Pseudonym ${pseudonym}:`,
  kept: (records, count) => `${records}: ${count}`,
  keptRecords: { bookings: "Buchungen", packs: "Pakete", ledger: "Verlaufseinträge", payments: "Zahlungen und Erstattungen" },
  keptWhy: {
    bookings:
      "Gegebene und stornierte Stunden sind die Grundlage der Abrechnung und des Paketverlaufs (Buchhaltungsunterlagen, §147 AO, §257 HGB). Aufbewahrt unter dem Pseudonym, ohne Name, Kontakt oder die Notiz des Kunden.",
    packs: "Verkaufte Pakete sind Umsätze mit Betrag und Zahlungsstand (§147 AO, §257 HGB). Aufbewahrt unter dem Pseudonym.",
    ledger:
      "Jede Änderung der Einheiten ist ein unveränderlicher Buchungseintrag; er enthält keine Kontaktdaten (eine Übertragung nennt die beteiligten Kunden).",
    payments: "Zahlungen und Erstattungen sind Buchungsbelege (§147 Abs. 1 Nr. 4 AO, §257 Abs. 1 Nr. 4 HGB). Aufbewahrt unter dem Pseudonym.",
  },
  retainUntil: (day) => `Aufzubewahren bis ${day}; danach dürfen sie gelöscht werden.`,
  nothingKept: "Es wurden keine Buchhaltungsunterlagen aufbewahrt.",
  notFound: "Diesen Kunden gibt es nicht (mehr).",

  errors: {
    PACK_BALANCE_INSUFFICIENT: "Das Paket hat dafür nicht genug Einheiten.",
    REQUEST_ID_REUSED: "Dieser Vorgang wurde schon für etwas anderes verwendet. Bitte versuche es erneut.",
    BOOKING_NOT_CANCELLABLE: "Diese Stunde kann nicht mehr geändert werden.",
  },
};

/** The client screens' texts in a language. */
export const clientsText = (lang: Lang) => (lang === "de" ? de : en);
/** Their shape. */
export type ClientsText = typeof en;
