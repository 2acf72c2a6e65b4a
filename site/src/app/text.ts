// Texts of the coach app's frame (navigation, sign-in); each view keeps its own texts next to it.
import type { Lang } from "../i18n/index.js";

const en = {
  appTitle: "SoloCoach · Coach",
  appDescription: "Your sessions, clients, packs and payments in your pocket.",
  overview: "Overview",
  today: "Today",
  clients: "Clients",
  settings: "Settings",
  signInTitle: "Sign in to your back office",
  newCoach: "New to SoloCoach? Sign in with your e-mail address and create your booking page right after, in about two minutes.",
  offline: "Offline: showing what was loaded last.",
};

const de: typeof en = {
  appTitle: "SoloCoach · Coach",
  appDescription: "Deine Stunden, Kunden, Pakete und Zahlungen in der Tasche.",
  overview: "Übersicht",
  today: "Heute",
  clients: "Kunden",
  settings: "Einstellungen",
  signInTitle: "Melde dich in deinem Backoffice an",
  newCoach: "Neu bei SoloCoach? Melde dich mit deiner E-Mail-Adresse an und erstelle gleich danach deine Buchungsseite, in etwa zwei Minuten.",
  offline: "Offline: zuletzt Geladenes wird angezeigt.",
};

export const shellText = (lang: Lang) => (lang === "de" ? de : en);
