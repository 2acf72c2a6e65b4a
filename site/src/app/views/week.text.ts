// Texts of the coach app's week calendar (beside the Today list on wide screens; en, de).
import type { Lang } from "../../i18n/index.js";

const en = {
  /** Names the calendar for screen readers, with the week's dates ("Week 23–29 Nov 2026"). */
  heading: (dates: string) => `Week ${dates}`,
  previous: "Previous week",
  thisWeek: "This week",
  next: "Next week",
  time: "Time",
  empty: "No sessions this week.",
  close: "Close",
};

const de: typeof en = {
  heading: (dates: string) => `Woche ${dates}`,
  previous: "Vorige Woche",
  thisWeek: "Diese Woche",
  next: "Nächste Woche",
  time: "Uhrzeit",
  empty: "Keine Stunden in dieser Woche.",
  close: "Schließen",
};

/** The week calendar's texts in a language. */
export const weekText = (lang: Lang) => (lang === "de" ? de : en);
