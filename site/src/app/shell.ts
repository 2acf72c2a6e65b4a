// <coach-app>: the coach's installable back office. Signs the coach in,
// finds their coach profile (an account without one gets the sign-up
// wizard), and shows one view per route:
//   #/overview (default) · #/today · #/clients · #/clients/{uid}[/messages] · #/settings
// The Clients tab counts the messages the coach has not read.
import type { User } from "firebase/auth";
import { CallableError, callFunction, type Api, type CallName } from "../client/callable.js";
import { FUNCTIONS_ORIGIN } from "../client/config.js";
import { asLang, intlLocale, messageFor, type Lang } from "../i18n/index.js";
import { child } from "../islands/dom.js";
import { SignInForm } from "../islands/sign-in-form.js";
import { coachSummary } from "./coach-summary.js";
import type { AppContext, CoachSummary, View } from "./context.js";
import type { SignUpContext } from "./views/onboarding.js";
import "./pwa.js";
import { clientView } from "./views/client.js";
import { clientsView } from "./views/clients.js";
import { overviewView } from "./views/overview.js";
import { settingsView } from "./views/settings.js";
import { todayView } from "./views/today.js";
import { clientsText } from "./views/clients.text.js";
import { totalUnread, watchUnread } from "./unread.js";

const ROUTES: [RegExp, View, string][] = [
  [/^#\/clients\/([A-Za-z0-9_-]+)(?:\/(messages))?$/, clientView, "clients"],
  [/^#\/clients$/, clientsView, "clients"],
  [/^#\/settings$/, settingsView, "settings"],
  [/^#\/today$/, todayView, "today"],
  [/^(#\/overview)?$/, overviewView, "overview"],
];

class CoachApp extends HTMLElement {
  private language: Lang = "en";
  private ctx: AppContext | undefined;
  private stop: (() => void) | undefined;
  private stopUnread: (() => void) | undefined;

  connectedCallback(): void {
    this.language = asLang(this.dataset.lang);
    this.addEventListener("signed-in", (event) => void this.onSignedIn((event as CustomEvent<User>).detail));
    this.addEventListener("signed-out", () => {
      this.ctx = undefined;
      this.stop?.();
      this.stop = undefined;
      this.stopUnread?.();
      this.stopUnread = undefined;
      void import("../client/firestore.js").then(({ forgetLocalData }) => forgetLocalData());
      child(this, "[data-view]", HTMLElement).replaceChildren();
      child(this, "nav", HTMLElement).hidden = true;
    });
    addEventListener("hashchange", () => void this.route());
    void child(this, "sign-in-form", SignInForm).start();
  }

  private async onSignedIn(user: User): Promise<void> {
    const signedIn: SignUpContext = {
      lang: this.language,
      locale: intlLocale(this.language),
      call: async <N extends CallName>(name: N, input: Api[N]["input"]) => callFunction(FUNCTIONS_ORIGIN, name, input, await user.getIdToken()),
      showError: (error) => this.showError(error),
      say: (text) => {
        // A success replaces an earlier refusal.
        child(this, ":scope > [data-error]", HTMLElement).hidden = true;
        child(this, ":scope > [data-status]", HTMLElement).textContent = text;
      },
    };
    child(this, "[data-signed-out]", HTMLElement).hidden = true;
    const found = await this.findCoach(user);
    if (!found) {
      const { renderOnboarding } = await import("./views/onboarding.js");
      await renderOnboarding(signedIn, child(this, "[data-view]", HTMLElement), () => void this.onSignedIn(user));
      return;
    }
    const [coachId, coach] = found;
    this.ctx = {
      ...signedIn,
      user,
      coachId,
      coach,
      navigate: (hash) => {
        location.hash = hash;
      },
    };
    child(this, "nav", HTMLElement).hidden = false;
    this.stopUnread?.();
    this.stopUnread = await watchUnread(coachId, (byClient) => this.showUnread(totalUnread(byClient))).catch(() => undefined);
    await this.route();
  }

  /** The Clients tab's count of unread messages (none: no count). */
  private showUnread(total: number): void {
    const tab = child(this, 'nav a[data-tab="clients"]', HTMLElement);
    let count = tab.querySelector<HTMLElement>(".count");
    if (!count) {
      count = Object.assign(document.createElement("span"), { className: "count" });
      tab.append(" ", count);
    }
    count.textContent = String(total);
    count.title = clientsText(this.language).unreadMessages(total);
    count.hidden = total === 0;
  }

  /** The coach profile this account owns (the rules let an owner read it). */
  private async findCoach(user: User): Promise<[string, CoachSummary] | undefined> {
    const [{ collection, getDocs, limit, query, where }, { clientDb }] = await Promise.all([import("firebase/firestore"), import("../client/firestore.js")]);
    const snapshot = await getDocs(query(collection(clientDb(), "coaches"), where("ownerUid", "==", user.uid), limit(1)));
    const doc = snapshot.docs[0];
    if (!doc) return undefined;
    return [doc.id, coachSummary(doc.data())];
  }

  private async route(): Promise<void> {
    const ctx = this.ctx;
    if (!ctx) return;
    const match = ROUTES.map(([pattern, view, tab]) => [pattern.exec(location.hash), view, tab] as const).find(([found]) => found);
    if (!match) return ctx.navigate("#/overview");
    const [found, view, tab] = match;
    for (const link of this.querySelectorAll("nav a")) link.toggleAttribute("aria-current", link.getAttribute("data-tab") === tab);
    this.stop?.();
    this.stop = undefined;
    child(this, ":scope > [data-error]", HTMLElement).hidden = true;
    const root = child(this, "[data-view]", HTMLElement);
    root.replaceChildren();
    try {
      this.stop = (await view.render(ctx, root, found?.slice(1) ?? [])) ?? undefined;
    } catch (error) {
      this.showError(error);
    }
  }

  private showError(error: unknown): void {
    const line = child(this, ":scope > [data-error]", HTMLElement);
    const reason = error instanceof CallableError ? error.reason : "FALLBACK";
    line.textContent = messageFor(this.language, reason);
    line.hidden = false;
  }
}

customElements.define("coach-app", CoachApp);
