// Settings → Online payments: the coach's own Stripe account (Stripe Connect),
// its state in plain words, the way to connect it or finish what Stripe still
// asks for, and money Stripe reported that belongs to no booking or pack.
import { onlinePayments, type OnlinePayments } from "../../../../functions/src/domain/stripe-account.js";
import { el, plainButton } from "../../islands/dom.js";
import { formatDay, formatMoney } from "../../lib/format.js";
import { section } from "./settings-form.js";
import type { SettingsEnv } from "./settings-env.js";

/** Back from Stripe's onboarding (?stripe=return|refresh before the #/settings route): take the address back. */
function returnedFromStripe(): boolean {
  const params = new URLSearchParams(location.search);
  if (!params.has("stripe")) return false;
  history.replaceState(null, "", `${location.pathname}${location.hash}`);
  return true;
}

/** The Online payments section. */
export function paymentsSection(env: SettingsEnv): HTMLElement {
  const { t, ctx } = env;
  const status = el("p");
  status.setAttribute("role", "status");
  const due = el("p", undefined, "hint");
  const show = (state: OnlinePayments, requirementsDue: string[]) => {
    status.textContent = t.paymentsState[state];
    due.textContent = state === "action_needed" && requirementsDue.length > 0 ? t.paymentsDue(requirementsDue) : "";
    connect.textContent = state === "not_connected" ? t.paymentsConnect : t.paymentsContinue;
    connect.hidden = state === "ready";
  };
  const connect: HTMLButtonElement = plainButton(
    t.paymentsConnect,
    (button) =>
      void (async () => {
        button.disabled = true;
        try {
          const { url } = await ctx.call("connectStripe", { requestId: crypto.randomUUID(), coachId: ctx.coachId });
          location.assign(url);
        } catch (error) {
          ctx.showError(error);
          button.disabled = false;
        }
      })(),
    "",
  );
  const account = env.coach.stripeAccount;
  show(onlinePayments(account), account?.requirementsDue ?? []);
  if (returnedFromStripe())
    ctx
      .call("refreshStripeAccount", { coachId: ctx.coachId })
      .then((seen) => show(seen.state, seen.requirementsDue))
      .catch((error: unknown) => ctx.showError(error));
  const box = section(t.payments, "payments", el("p", t.paymentsHint, "hint"), status, due, connect);
  void unmatchedMoney(env).then((list) => list && box.append(list));
  return box;
}

/** Money Stripe reported that SoloCoach could not attach (coaches/{c}/unmatchedMoney), newest first; nothing when there is none. */
async function unmatchedMoney(env: SettingsEnv): Promise<HTMLElement | undefined> {
  const { collection, getDocs } = env.fs;
  const snapshot = await getDocs(collection(env.db, "coaches", env.ctx.coachId, "unmatchedMoney"));
  if (snapshot.empty) return undefined;
  const { coach, t, ctx, fs } = env;
  const items = snapshot.docs
    .map((doc) => doc.data())
    .map((item) => ({ item, at: item.at instanceof fs.Timestamp ? item.at.toDate().toISOString() : "" }))
    .sort((a, b) => b.at.localeCompare(a.at))
    .map(({ item, at }) => {
      const amount = typeof item.amountMinor === "number" ? formatMoney(item.amountMinor, String(item.currency ?? coach.currency), ctx.locale) : "";
      return el("li", t.unmatchedLine(amount, String(item.reference ?? ""), at ? formatDay(at, coach.timeZone, ctx.locale) : ""));
    });
  const list = el("ul");
  list.append(...items);
  const box = el("div");
  box.append(el("h3", t.unmatched), el("p", t.unmatchedHint, "hint"), list);
  return box;
}
