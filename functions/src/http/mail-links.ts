// The one-click unsubscribe of client e-mail (RFC 8058). The link in a
// reminder opens a page with one button, so a mail scanner that follows links
// unsubscribes nobody; the button, and a mail app's List-Unsubscribe-Post,
// POST to the same signed address. Reminders stop; confirmations, changes
// and receipts still go out.
import { onRequest } from "firebase-functions/v2/https";
import { DocId } from "../domain/ids.js";
import { guarded } from "../shell/calls/http-errors.js";
import { mailLinkSecret } from "../shell/config.js";
import { clientsCol, coachRef } from "../shell/firestore/refs.js";
import { validUnsubscribe } from "../shell/mail/links.js";
import { escapeHtml } from "../domain/text.js";

const page = (lang: "en" | "de", body: string) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>SoloCoach</title>` +
  `<style>body{font:17px/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1a1a2e}h1{font-size:1.5rem;line-height:1.3}button{font:inherit;padding:.75rem 1.25rem;border:0;border-radius:8px;background:#14532d;color:#fff;min-height:44px}</style></head><body>${body}</body></html>`;

const WORDS = {
  en: {
    ask: (coach: string) => `Stop reminder e-mails from ${coach}?`,
    keep: "Booking confirmations, changes and receipts still reach you.",
    button: "Stop reminders",
    done: (coach: string) => `Done: ${coach} sends you no more reminders by e-mail.`,
  },
  de: {
    ask: (coach: string) => `Keine Erinnerungen mehr von ${coach} per E-Mail?`,
    keep: "Buchungsbestätigungen, Änderungen und Belege bekommst du weiterhin.",
    button: "Erinnerungen abbestellen",
    done: (coach: string) => `Erledigt: ${coach} schickt dir keine Erinnerungen mehr per E-Mail.`,
  },
};

/** GET: the page with the button; POST (the button, or a mail app's one-click): reminders off. A link not signed for this coach and client: 404. */
export const mailLinks = onRequest(
  { secrets: [mailLinkSecret] },
  guarded("mailLinks", async (req, res) => {
    const query = (key: string) => (typeof req.query[key] === "string" ? req.query[key] : "");
    const [coachId, clientUid, signature] = [query("c"), query("u"), query("s")];
    const signed = DocId.safeParse(coachId).success && DocId.safeParse(clientUid).success && validUnsubscribe(coachId, clientUid, signature);
    const coach = signed ? (await coachRef(coachId).get()).data() : undefined;
    if (!coach || (req.method !== "GET" && req.method !== "POST")) {
      res.status(404).type("text/plain").send("Not found");
      return;
    }
    const client = (await clientsCol(coachId).doc(clientUid).get()).data();
    const lang = client?.language === "de" || (!client?.language && coach.locale === "de") ? "de" : "en";
    const words = WORDS[lang];
    const name = escapeHtml(coach.name);
    res.set("cache-control", "no-store").set("referrer-policy", "no-referrer");
    if (req.method === "GET") {
      res
        .type("html")
        .send(page(lang, `<h1>${words.ask(name)}</h1><p>${words.keep}</p><form method="post"><button type="submit">${words.button}</button></form>`));
      return;
    }
    await clientsCol(coachId).doc(clientUid).set({ remindersOff: true }, { merge: true });
    res.type("html").send(page(lang, `<h1>${words.done(name)}</h1><p>${words.keep}</p>`));
  }),
);
