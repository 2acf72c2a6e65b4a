// The sign-up wizard's last screen: the live page's address, to copy, share
// or scan as a QR code, and the way into the new coach's back office.
import { actionRow, el, plainButton } from "../../islands/dom.js";
import { qrSvg } from "../../lib/qr.js";
import type { SignUpContext } from "./onboarding.js";
import type { OnboardingText } from "./onboarding.text.js";

/** The last screen: the live page's address, to copy, share or scan. */
export function showDone(root: HTMLElement, ctx: SignUpContext, t: OnboardingText, slug: string, onDone: () => void): void {
  const url = `${location.origin}/${slug}`;
  const box = el("section", undefined, "card onboarding-done");
  const link = Object.assign(el("a", url, "page-link"), { href: url });
  const copy = plainButton(t.copy, () => void navigator.clipboard?.writeText(url).then(() => ctx.say(t.copied)), "secondary");
  const buttons: HTMLElement[] = [copy];
  if (typeof navigator.share === "function") buttons.push(plainButton(t.share, () => void navigator.share({ url }).catch(() => undefined), "secondary"));
  const qr = el("figure", undefined, "qr");
  qr.innerHTML = qrSvg(url, t.qrTitle(url)); // Built by our encoder; the title is escaped there.
  qr.append(el("figcaption", t.qrHint, "hint"));
  const open = Object.assign(el("a", t.openPage, "button-link"), { href: url });
  const toApp = plainButton(t.toBackOffice, onDone, "");
  box.append(el("h1", t.done), el("p", t.shareLink), el("p", undefined, "share"), actionRow(...buttons), qr, actionRow(open, toApp));
  box.querySelector(".share")?.append(link);
  root.replaceChildren(box);
  toApp.focus();
}
