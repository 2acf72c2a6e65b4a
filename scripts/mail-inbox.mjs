// The local inbox: a real SMTP server (smtp-server) that keeps every mail the
// functions send in the emulators, and a small web page to read them, with
// the same mails as JSON for tests. `npm start` and `npm test` run it beside
// the emulators; `node scripts/mail-inbox.mjs` runs it alone.
//
// Like a real receiving server it refuses some recipients, so both kinds of
// failure can be seen end to end: any address at bounce.invalid is refused
// for good (550: no such mailbox); an address with "+greylist" is refused for
// now (451) the first time, then accepted.
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { INBOX_SMTP_PORT, URLS } from "./lib/local.mjs";

/** Mails kept, newest last; the oldest are forgotten beyond this. */
const KEEP = 5000;

const escapeHtml = (text) => String(text ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A parsed mail as tests and the page read it. */
function stored(id, parsed, envelopeTo) {
  const address = (list) => (list?.value ?? []).map(({ name, address }) => ({ name, address }));
  return {
    id,
    receivedAt: new Date().toISOString(),
    envelopeTo,
    messageId: parsed.messageId ?? "",
    from: address(parsed.from),
    replyTo: address(parsed.replyTo),
    to: address(parsed.to),
    subject: parsed.subject ?? "",
    text: parsed.text ?? "",
    html: typeof parsed.html === "string" ? parsed.html : "",
    headers: Object.fromEntries(parsed.headerLines.map(({ key, line }) => [key, line.slice(line.indexOf(":") + 1).trim()])),
    attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? "", contentType: a.contentType, content: a.content.toString("utf8") })),
  };
}

function listPage(mails) {
  const rows = mails
    .slice()
    .reverse()
    .map(
      (m) =>
        `<tr><td>${escapeHtml(m.receivedAt.slice(0, 19).replace("T", " "))}</td><td>${escapeHtml(m.to.map((t) => t.address).join(", "))}</td><td><a href="/mail/${m.id}">${escapeHtml(m.subject)}</a></td></tr>`,
    )
    .join("\n");
  return page(
    "Local inbox",
    `<h1>Local inbox</h1><p>${mails.length} mail(s) sent by SoloCoach in the emulators, newest first.</p>
<table><thead><tr><th>Received (UTC)</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows || '<tr><td colspan="3">No mail yet.</td></tr>'}</tbody></table>`,
  );
}

function mailPage(m) {
  const people = (list) => escapeHtml(list.map((p) => (p.name ? `${p.name} <${p.address}>` : p.address)).join(", "));
  const files = m.attachments
    .map((a, i) => `<li><a href="/mail/${m.id}/attachments/${i}">${escapeHtml(a.filename)}</a> (${escapeHtml(a.contentType)})</li>`)
    .join("");
  return page(
    m.subject,
    `<p><a href="/">← Inbox</a></p><h1>${escapeHtml(m.subject)}</h1>
<dl><dt>From</dt><dd>${people(m.from)}</dd><dt>Reply to</dt><dd>${people(m.replyTo)}</dd><dt>To</dt><dd>${people(m.to)}</dd></dl>
${files ? `<ul>${files}</ul>` : ""}
<iframe title="HTML part" sandbox srcdoc="${escapeHtml(m.html)}"></iframe>
<details><summary>Plain text</summary><pre>${escapeHtml(m.text)}</pre></details>`,
  );
}

const page = (title, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left}iframe{border:1px solid #ddd;width:100%;height:34rem}dt{font-weight:600}dd{margin:0 0 .5rem}</style></head><body>${body}</body></html>`;

/** Starts the SMTP server and the web page; resolves with a close(). */
export async function startMailInbox({ smtpPort = INBOX_SMTP_PORT, httpPort = Number(new URL(URLS.inbox).port) } = {}) {
  const mails = [];
  const greylisted = new Set();
  let next = 1;

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const to = address.address.toLowerCase();
      if (to.endsWith("@bounce.invalid")) return callback(Object.assign(new Error("5.1.1 No such mailbox"), { responseCode: 550 }));
      if (to.includes("+greylist") && !greylisted.has(to)) {
        greylisted.add(to);
        return callback(Object.assign(new Error("4.7.1 Greylisted, try again later"), { responseCode: 451 }));
      }
      return callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          mails.push(
            stored(
              String(next++),
              parsed,
              session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            ),
          );
          if (mails.length > KEEP) mails.splice(0, mails.length - KEEP);
          callback();
        })
        .catch(callback);
    },
  });

  const http = createServer((request, response) => {
    const url = new URL(request.url ?? "/", URLS.inbox);
    const send = (status, type, body) => {
      response.writeHead(status, { "content-type": type });
      response.end(body);
    };
    if (url.pathname === "/api/mails" && request.method === "DELETE") {
      mails.length = 0;
      return send(204, "text/plain", "");
    }
    if (url.pathname === "/api/mails") {
      const to = url.searchParams.get("to")?.toLowerCase();
      return send(200, "application/json", JSON.stringify(to ? mails.filter((m) => m.envelopeTo.includes(to)) : mails));
    }
    if (url.pathname === "/") return send(200, "text/html; charset=utf-8", listPage(mails));
    const match = /^\/mail\/(\d+)(?:\/attachments\/(\d+))?$/.exec(url.pathname);
    const mail = match && mails.find((m) => m.id === match[1]);
    if (!mail) return send(404, "text/plain", "not found");
    if (match[2] === undefined) return send(200, "text/html; charset=utf-8", mailPage(mail));
    const attachment = mail.attachments[Number(match[2])];
    return attachment ? send(200, attachment.contentType, attachment.content) : send(404, "text/plain", "not found");
  });

  await new Promise((resolve, reject) => {
    smtp.on("error", reject);
    smtp.listen(smtpPort, "127.0.0.1", resolve);
  });
  await new Promise((resolve, reject) => {
    http.on("error", reject);
    http.listen(httpPort, "127.0.0.1", resolve);
  });
  return {
    close: () => Promise.all([new Promise((resolve) => smtp.close(resolve)), new Promise((resolve) => http.close(resolve))]),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await startMailInbox();
  console.log(`Local inbox: ${URLS.inbox} (SMTP on 127.0.0.1:${INBOX_SMTP_PORT})`);
}
