// <sign-in-form>: signs a client in by an emailed link (or a password).
// Firebase Auth is imported only when start() is called or the page was
// opened from a sign-in link. Events (bubbling):
//   "before-link"  cancelable, just before a link is sent (the host saves what the client chose);
//   "signed-in"    detail: the User;  "signed-out".
import type { User } from "firebase/auth";
import { isLinkReturn, withoutLinkParams } from "../client/link.js";
import { asLang, messageFor, strings } from "../i18n/index.js";
import { child } from "./dom.js";

export class SignInForm extends HTMLElement {
  private get language() {
    return asLang(this.dataset.lang);
  }
  private get t() {
    return strings(this.language);
  }
  private user: User | undefined;
  /** The address the latest link went to (resend, or correct it). */
  private sentTo = "";

  connectedCallback(): void {
    const form = child(this, "[data-form]", HTMLFormElement);
    form.addEventListener("submit", (event) => void this.onSubmit(event));
    for (const button of form.querySelectorAll("button")) button.disabled = false;
    child(this, '[data-action="sign-out"]', HTMLButtonElement).addEventListener("click", () => void this.onSignOut());
    child(this, '[data-action="resend"]', HTMLButtonElement).addEventListener("click", (event) => void this.onResend(event));
    child(this, '[data-action="other-address"]', HTMLButtonElement).addEventListener("click", () => this.onOtherAddress());
    if (isLinkReturn()) void this.finishLink();
  }

  /**
   * Shows who is signed in (announcing it). Nobody signed in: the form stays
   * as it is — as the page drew it, or as the visitor has used it meanwhile
   * (a link asked for while Auth was still loading stays announced).
   */
  async start(): Promise<void> {
    if (this.user) return this.signedIn(this.user);
    const { currentUser } = await import("../client/auth.js");
    const user = await currentUser();
    if (user) this.signedIn(user);
  }

  /** The page was opened from an emailed link: sign in with the address it was sent to. */
  private async finishLink(): Promise<void> {
    const { completeLink, linkEmail } = await import("../client/auth.js");
    const email = linkEmail();
    // Opened in another browser: the client types the address again and submits.
    if (!email) return this.render();
    this.say(this.t.signingIn);
    await this.complete(() => completeLink(email, location.href));
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = child(this, "[data-form]", HTMLFormElement);
    const data = new FormData(form);
    const email = String(data.get("email") ?? "").trim();
    const password = String(data.get("password") ?? "");
    // Enter in the password field submits with the first button: a typed password means password sign-in.
    const intent = password || (event.submitter instanceof HTMLButtonElement && event.submitter.value === "password") ? "password" : "link";
    const auth = await import("../client/auth.js");
    for (const button of form.querySelectorAll("button")) button.disabled = true;
    try {
      if (isLinkReturn()) await this.complete(() => auth.completeLink(email, location.href));
      else if (intent === "password") await this.complete(() => auth.signIn(email, password));
      else if (this.dispatchEvent(new CustomEvent("before-link", { bubbles: true, cancelable: true }))) {
        await auth.sendLink(email, withoutLinkParams());
        this.linkSent(email, this.t.linkSent(email));
      }
    } catch {
      this.fail("SIGN_IN_FAILED");
    } finally {
      for (const button of form.querySelectorAll("button")) button.disabled = false;
    }
  }

  /** The link is on its way: say where, and offer to send it again or to correct the address. */
  private linkSent(email: string, text: string): void {
    this.sentTo = email;
    this.say(text);
    child(this, "[data-form]", HTMLFormElement).hidden = true;
    child(this, "[data-sent]", HTMLElement).hidden = false;
  }

  /** No mail arrived: the same link once more (the button waits while it is sent). */
  private async onResend(event: Event): Promise<void> {
    const button = event.currentTarget;
    if (!(button instanceof HTMLButtonElement) || !this.sentTo) return;
    button.disabled = true;
    button.setAttribute("aria-busy", "true");
    try {
      const auth = await import("../client/auth.js");
      if (this.dispatchEvent(new CustomEvent("before-link", { bubbles: true, cancelable: true }))) {
        await auth.sendLink(this.sentTo, withoutLinkParams());
        this.linkSent(this.sentTo, this.t.linkSentAgain(this.sentTo));
      }
    } catch {
      this.fail("SIGN_IN_FAILED");
    } finally {
      button.disabled = false;
      button.removeAttribute("aria-busy");
    }
  }

  /** A typo in the address: the form again, with the address selected to correct. */
  private onOtherAddress(): void {
    child(this, "[data-sent]", HTMLElement).hidden = true;
    child(this, "[data-status]", HTMLElement).hidden = true;
    const form = child(this, "[data-form]", HTMLFormElement);
    form.hidden = false;
    const email = child(form, 'input[name="email"]', HTMLInputElement);
    email.focus();
    email.select();
  }

  private async complete(signIn: () => Promise<User | null>): Promise<void> {
    try {
      const user = await signIn();
      history.replaceState(history.state, "", withoutLinkParams());
      if (user) this.signedIn(user);
    } catch {
      history.replaceState(history.state, "", withoutLinkParams());
      this.render();
      this.fail("LINK_EXPIRED");
    }
  }

  private signedIn(user: User): void {
    this.user = user;
    this.render();
    this.dispatchEvent(new CustomEvent<User>("signed-in", { bubbles: true, detail: user }));
  }

  private async onSignOut(): Promise<void> {
    const { signOut } = await import("../client/auth.js");
    await signOut();
    this.user = undefined;
    this.render();
    this.dispatchEvent(new CustomEvent("signed-out", { bubbles: true }));
  }

  private render(): void {
    child(this, "[data-signed-in]", HTMLElement).hidden = !this.user;
    child(this, "[data-who]", HTMLElement).textContent = this.user ? this.t.signedInAs(this.user.email ?? "") : "";
    child(this, "[data-form]", HTMLFormElement).hidden = Boolean(this.user);
    child(this, "[data-status]", HTMLElement).hidden = true;
    child(this, "[data-sent]", HTMLElement).hidden = true;
    child(this, "[data-error]", HTMLElement).hidden = true;
  }

  private say(text: string): void {
    const line = child(this, "[data-status]", HTMLElement);
    line.textContent = text;
    line.hidden = false;
  }

  private fail(reason: string): void {
    const line = child(this, "[data-error]", HTMLElement);
    line.textContent = messageFor(this.language, reason);
    line.hidden = false;
  }
}

customElements.define("sign-in-form", SignInForm);
