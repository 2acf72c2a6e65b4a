// Back from Stripe Checkout (?checkout=success|cancelled, with booking= or
// pack=): the line at the top of the panel, where the client is looking, says
// how it went (the webhook has the final word on a payment). A cancelled
// checkout is ended at once (cancelCheckout), so the held time is free again
// now, not when Stripe's session would have run out.
import { callFunction } from "../client/callable.js";
import { FUNCTIONS_ORIGIN } from "../client/config.js";
import type { Strings } from "../i18n/index.js";
import { child, el } from "./dom.js";

/** The booking or pack the checkout was for, from the return address. */
function targetOf(params: URLSearchParams): { type: "booking" | "pack"; id: string } | undefined {
  for (const type of ["booking", "pack"] as const) {
    const id = params.get(type);
    if (id) return { type, id };
  }
  return undefined;
}

/** Ends the checkout as the signed-in client (Firebase Auth loads only now); whether the held time was freed. */
async function cancel(coachId: string, target: { type: "booking" | "pack"; id: string }): Promise<boolean> {
  const { currentUser } = await import("../client/auth.js");
  const user = await currentUser();
  if (!user) return false;
  const { released } = await callFunction(FUNCTIONS_ORIGIN, "cancelCheckout", { coachId, target }, await user.getIdToken());
  return released;
}

/**
 * Says how the checkout went; a cancelled one is ended first. Resolves true
 * when a held slot was freed (the list should be loaded again).
 */
export async function returnFromCheckout(root: HTMLElement, t: Strings, coachId: string, params: URLSearchParams): Promise<boolean> {
  const state = params.get("checkout");
  const target = targetOf(params);
  if (!state || !target) return false;
  const line = child(root, "[data-checkout-status]", HTMLElement);
  const show = (text: string) => {
    line.textContent = text;
    line.hidden = false;
    line.scrollIntoView({ block: "nearest" });
    line.focus();
  };
  if (state === "success") {
    show(target.type === "pack" ? t.packCheckoutSuccess : t.checkoutSuccess);
    line.append(" ", Object.assign(el("a", t.yourBookings), { href: child(root, "a.button", HTMLAnchorElement).href }));
    return false;
  }
  show(t.checkoutCancelledNothingCharged);
  const released = await cancel(coachId, target).catch(() => false);
  if (released && target.type === "booking") show(t.checkoutCancelled);
  return released;
}
