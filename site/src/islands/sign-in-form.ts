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

  connectedCallback(): void {
    const form = child(this, "[data-form]", HTMLFormElement);
    form.addEventListener("submit", (event) => void this.onSubmit(event));
    for (const button of form.querySelectorAll("button")) button.disabled = false;
    child(this, '[data-action="sign-out"]', HTMLButtonElement).addEventListener("click", () => void this.onSignOut());
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
        this.say(this.t.linkSent(email));
        form.hidden = true;
      }
    } catch {
      this.fail("SIGN_IN_FAILED");
    } finally {
      for (const button of form.querySelectorAll("button")) button.disabled = false;
    }
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
