// "New client" on Today: a person who rang or wrote is added by name (phone
// and e-mail optional, addClient) and the coach books for them at once.
import type { ClientSummary } from "../../../../functions/src/api/clients.js";
import type { Lang } from "../../i18n/index.js";
import type { AppContext } from "../context.js";
import { explain } from "./client-format.js";
import { input, operationForm } from "./operation.js";

const en = {
  title: "New client",
  name: "Name",
  phone: "Phone (optional)",
  email: "E-mail (optional: the client gets confirmations and can sign in)",
  needName: "Write the client's name.",
  after: (name: string) => `${name} joins your clients; then you book the session.`,
  add: "Add and book",
  cancel: "Cancel",
};
const de: typeof en = {
  title: "Neuer Kunde",
  name: "Name",
  phone: "Telefon (optional)",
  email: "E-Mail (optional: der Kunde bekommt Bestätigungen und kann sich anmelden)",
  needName: "Schreib den Namen des Kunden.",
  after: (name) => `${name} kommt zu deinen Kunden; dann buchst du die Stunde.`,
  add: "Anlegen und buchen",
  cancel: "Abbrechen",
};
const newClientText = (lang: Lang) => (lang === "de" ? de : en);

/** What was typed into the search: a phone number, an e-mail address, or a name. */
function fromSearch(words: string): { name: string; phone: string; email: string } {
  if (words.includes("@")) return { name: "", phone: "", email: words };
  if (/^[+0-9 ()/.-]+$/.test(words)) return { name: "", phone: words, email: "" };
  return { name: words, phone: "", email: "" };
}

/** The form, prefilled from the search; `added` gets the new (or found) client. */
export function newClientForm(ctx: AppContext, search: string, added: (client: ClientSummary) => void, close: () => void): HTMLFormElement {
  const t = newClientText(ctx.lang);
  const typed = fromSearch(search.trim());
  const name = input(t.name, "new-client-name", { value: typed.name, autocomplete: "off", maxLength: 100 });
  const phone = input(t.phone, "new-client-phone", { type: "tel", value: typed.phone, autocomplete: "off", maxLength: 40 });
  const email = input(t.email, "new-client-email", { type: "email", value: typed.email, autocomplete: "off", maxLength: 254 });
  let client: ClientSummary | undefined;
  return operationForm({
    title: t.title,
    level: "h2",
    fields: [name.wrap, phone.wrap, email.wrap],
    after: () => (name.control.value.trim() ? { line: t.after(name.control.value.trim()) } : { problem: t.needName }),
    confirm: t.add,
    cancel: t.cancel,
    run: async (requestId) => {
      ({ client } = await ctx.call("addClient", {
        requestId,
        coachId: ctx.coachId,
        name: name.control.value.trim(),
        phone: phone.control.value.trim(),
        email: email.control.value.trim(),
      }));
      return "";
    },
    done: () => client && added(client),
    closed: close,
    explain: (error) => explain(ctx, error),
  });
}
