// "Sell a pack": to a client on their screen, or to a new client by name and
// email from the list (sellPack creates their account and record). The after
// line reads "Sell 10-session pack to Lena → 10 sessions, valid until 24 May, €580.00 open".
import type { PackView } from "../../../../functions/src/api/packs.js";
import type { AppContext } from "../context.js";
import { formatDate, saleExpiry } from "./after.js";
import { explain, money, packAnswer } from "./client-format.js";
import type { TemplateState } from "./client-data.js";
import { clientsText } from "./clients.text.js";
import { input, operationForm, select } from "./operation.js";

/** Who gets the pack: a known client, or a new one typed into the form. */
export type Buyer = { uid: string; name: string } | "new";

/** The sell form; `done` gets the sold pack and the server's answer line. */
export function sellPackForm(
  ctx: AppContext,
  args: { buyer: Buyer; templates: TemplateState[]; done(pack: PackView, answer: string): void; closed(): void },
): HTMLFormElement {
  const t = clientsText(ctx.lang);
  const name = input(t.clientName, "name", { autocomplete: "name", maxLength: 100 });
  const email = input(t.clientEmail, "email", { type: "email", autocomplete: "email" });
  const template = select(
    t.template,
    "template",
    args.templates.map((tpl) => [tpl.id, t.templateOption(tpl.name, tpl.units, money(ctx, tpl.priceMinor), tpl.validityMonths)]),
  );
  const chosen = () => args.templates.find((tpl) => tpl.id === template.control.value);
  const typed = () => ({ name: name.control.value.trim(), email: email.control.value.trim() });
  let sold: PackView | undefined;

  return operationForm({
    title: args.buyer === "new" ? t.newClient : t.sellPack,
    level: args.buyer === "new" ? "h2" : "h3",
    fields: args.buyer === "new" ? [name.wrap, email.wrap, template.wrap] : [template.wrap],
    after: () => {
      const tpl = chosen();
      if (!tpl) return { problem: t.needTemplate };
      let who = args.buyer === "new" ? "" : args.buyer.name;
      if (args.buyer === "new") {
        const { name: n, email: e } = typed();
        if (!n || !email.control.checkValidity() || !e) return { problem: t.needClient };
        who = `${n} (${e})`;
      }
      const until = formatDate(saleExpiry(new Date(), tpl.validityMonths, ctx.coach.timeZone), ctx.locale);
      return { line: t.afterSell(tpl.name, who, tpl.units, until, money(ctx, tpl.priceMinor)) };
    },
    confirm: t.sellPack,
    cancel: t.cancelOp,
    run: async (requestId) => {
      const client = args.buyer === "new" ? typed() : { uid: args.buyer.uid };
      const { pack } = await ctx.call("sellPack", { requestId, coachId: ctx.coachId, templateId: template.control.value, client });
      sold = pack;
      return packAnswer(ctx, pack);
    },
    done: (answer) => {
      if (sold) args.done(sold, answer);
    },
    closed: args.closed,
    explain: (error) => explain(ctx, error),
  });
}
