// Local stand-ins of Stripe's hosted pages for `npm start` and the browser
// tests (PAYMENTS_GATEWAY=fake; 404 anywhere else): onboarding of a coach's
// account, and the checkout page where a client pays. Each button delivers
// the event Stripe would, signed with the emulators' webhook secret, to the
// real webhook, then sends the person back as Stripe does. Nothing here runs
// in production.
import { randomUUID } from "node:crypto";
import { onRequest } from "firebase-functions/v2/https";
import { functionsOrigin } from "../shell/booking/calendar.js";
import { guarded } from "../shell/calls/http-errors.js";
import { paymentsGateway, siteOrigin, stripeSecretKey, stripeWebhookSecret } from "../shell/config.js";
import { escapeHtml } from "../domain/text.js";

type Query = Record<string, string>;

/** A plain page with one form that posts back to itself with the same query. */
function page(title: string, lines: string[], button: string, back?: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1a1a2e}
.note{color:#555;font-size:.875rem}button{font:inherit;padding:.75rem 1.5rem;border:0;border-radius:.5rem;background:#635bff;color:#fff;min-height:44px}
a{color:#635bff}</style></head><body><main><p class="note">Stripe (local stand-in for the emulators)</p><h1>${escapeHtml(title)}</h1>
${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join("")}<form method="post"><button type="submit">${escapeHtml(button)}</button></form>
${back ? `<p><a href="${escapeHtml(back)}">Cancel and go back</a></p>` : ""}</main></body></html>`;
}

/** Delivers one signed event to the webhook, as Stripe would. */
async function deliver(type: string, account: string, object: object): Promise<void> {
  const payload = JSON.stringify({
    id: `evt_fake_${randomUUID()}`,
    object: "event",
    account,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    type,
    data: { object },
  });
  const { default: Sdk } = await import("stripe");
  const header = new Sdk(stripeSecretKey.value()).webhooks.generateTestHeaderString({ payload, secret: stripeWebhookSecret.value() });
  const answer = await fetch(`${functionsOrigin()}/stripeWebhook`, {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": header },
    body: payload,
  });
  if (!answer.ok) throw new Error(`the webhook answered ${answer.status} to ${type}`);
}

/** The account onboarding: "Finish" makes the account able to take charges. */
async function onboarding(method: string, q: Query): Promise<{ html: string } | { redirect: string }> {
  if (method !== "POST") return { html: page("Set up payments", [`Account ${q.account ?? ""} for SoloCoach.`], "Finish onboarding", q.return) };
  await deliver("account.updated", q.account ?? "", {
    id: q.account,
    object: "account",
    charges_enabled: true,
    details_submitted: true,
    requirements: { currently_due: [] },
  });
  return { redirect: q.return ?? "" };
}

/** The checkout page: "Pay" completes the session, paid by card. */
async function checkout(method: string, q: Query): Promise<{ html: string } | { redirect: string }> {
  const amount = Number(q.amount ?? 0);
  const money = new Intl.NumberFormat("en", { style: "currency", currency: q.currency ?? "EUR" }).format(amount / 100);
  if (method !== "POST") return { html: page(`Pay ${money}`, ["A test card is charged: no real money moves."], `Pay ${money}`, q.cancel) };
  const metadata = Object.fromEntries(Object.entries(q).flatMap(([key, value]) => (key.startsWith("metadata.") ? [[key.slice(9), value]] : [])));
  await deliver("checkout.session.completed", q.account ?? "", {
    id: q.session,
    object: "checkout.session",
    payment_status: "paid",
    status: "complete",
    payment_intent: `pi_fake_${q.session ?? ""}`,
    amount_total: amount,
    currency: (q.currency ?? "").toLowerCase(),
    metadata,
  });
  return { redirect: q.success ?? "" };
}

export const fakeStripe = onRequest(
  { secrets: [stripeSecretKey, stripeWebhookSecret] },
  guarded("fakeStripe", async (req, res) => {
    const pages = { onboarding, checkout };
    const name = req.path.replace(/^\//, "");
    if (paymentsGateway.value() !== "fake" || !(name === "onboarding" || name === "checkout")) {
      res.status(404).type("text/plain").send("Not found");
      return;
    }
    const query = Object.fromEntries(Object.entries(req.query).flatMap(([key, value]) => (typeof value === "string" ? [[key, value]] : [])));
    const backs = name === "onboarding" ? [query.return] : [query.success, query.cancel];
    // Only back to SoloCoach's own site: never an open redirect.
    if (!backs.every((back) => back?.startsWith(`${siteOrigin.value()}/`))) {
      res.status(400).type("text/plain").send("Bad request");
      return;
    }
    const answer = await pages[name](req.method, query);
    if ("redirect" in answer) res.redirect(303, answer.redirect);
    else res.status(200).type("html").send(answer.html);
  }),
);
