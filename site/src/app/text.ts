// Texts of the coach app's frame (navigation, sign-in); each view keeps its own texts next to it.
import type { Lang } from "../i18n/index.js";

const en = {
  appTitle: "SoloCoach · Coach",
  appDescription: "Your sessions, clients, packs and payments in your pocket.",
  today: "Today",
  clients: "Clients",
  settings: "Settings",
  signInTitle: "Sign in to your back office",
  notACoach: "This account has no coach profile. Sign in with your coach account.",
  offline: "Offline: showing what was loaded last.",
};

const de: typeof en = {
  appTitle: "SoloCoach · Coach",
  appDescription: "Deine Stunden, Kunden, Pakete und Zahlungen in der Tasche.",
  today: "Heute",
  clients: "Kunden",
  settings: "Einstellungen",
  signInTitle: "Melde dich in deinem Backoffice an",
  notACoach: "Dieses Konto hat kein Coach-Profil. Melde dich mit deinem Coach-Konto an.",
  offline: "Offline: zuletzt Geladenes wird angezeigt.",
};

export const shellText = (lang: Lang) => (lang === "de" ? de : en);
