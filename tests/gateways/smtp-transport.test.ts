// The production mail adapter, exercised: nodemailer over SMTP to a real local
// SMTP server (smtp-server), the delivered message parsed back (mailparser).
// Asserts what a client receives (sender, reply-to, both parts, the invite
// attachment, extra headers) and how refusals are sorted: a 5xx is permanent,
// a 4xx is worth a retry.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { OutgoingMail } from "../../functions/src/gateways/email-transport.js";
import { SmtpTransport } from "../../functions/src/gateways/smtp-transport.js";

let server: SMTPServer;
let transport: SmtpTransport;
let received: ParsedMail[] = [];
/** What the server answers to a recipient, by address: [code, message]. */
const refusals = new Map<string, [number, string]>([
  ["nobody@example.com", [550, "5.1.1 No such mailbox"]],
  ["busy@example.com", [451, "4.3.0 Try again later"]],
]);

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = refusals.get(address.address);
      if (!refusal) return callback();
      const error = Object.assign(new Error(refusal[1]), { responseCode: refusal[0] });
      return callback(error);
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  transport = new SmtpTransport(`smtp://127.0.0.1:${port}`);
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  received = [];
});

const invite = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n";
const mail = (to: string): OutgoingMail => ({
  messageId: "<b1-booking_confirmed-1795539600.emma@mail.solocoach.example>",
  from: { name: "Emma Weber", address: "bookings@mail.solocoach.example" },
  replyTo: { name: "Emma Weber", address: "emma@example.com" },
  to: { name: "Lena Fischer", address: to },
  subject: "Booked: Private lesson, Tue 24 Nov, 18:00",
  text: "Hello Lena,\n\nYour session with Emma Weber is booked.\n",
  html: '<!doctype html><html lang="en"><body><p>Hello Lena,</p></body></html>',
  attachments: [{ filename: "session.ics", content: invite, contentType: "text/calendar; method=REQUEST; charset=utf-8" }],
  headers: { "List-Unsubscribe": "<https://book.example.com/unsubscribe?t=abc>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
});

describe("the SMTP adapter against a real local SMTP server", () => {
  it("delivers a mail from the coach's name, replies to the coach, with text, HTML, the invite and the headers", async () => {
    const outcome = await transport.send(mail("lena@example.com"));
    expect(outcome).toMatchObject({ sent: true });
    expect(received).toHaveLength(1);
    const [got] = received;
    expect(got!.from?.value).toEqual([{ name: "Emma Weber", address: "bookings@mail.solocoach.example" }]);
    expect(got!.replyTo?.value).toEqual([{ name: "Emma Weber", address: "emma@example.com" }]);
    expect(got!.subject).toBe("Booked: Private lesson, Tue 24 Nov, 18:00");
    expect(got!.messageId).toBe("<b1-booking_confirmed-1795539600.emma@mail.solocoach.example>");
    expect(got!.text).toContain("Your session with Emma Weber is booked.");
    expect(got!.html).toContain("<p>Hello Lena,</p>");
    const header = (key: string) => got!.headerLines.find((line) => line.key === key)?.line;
    expect(header("list-unsubscribe")).toBe("List-Unsubscribe: <https://book.example.com/unsubscribe?t=abc>");
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    const calendar = got!.attachments.find((a) => a.contentType === "text/calendar");
    expect(calendar?.content.toString()).toContain("METHOD:REQUEST");
    expect(calendar?.filename).toBe("session.ics");
  });

  it("a mailbox that does not exist is a permanent refusal; a busy server is worth a retry", async () => {
    expect(await transport.send(mail("nobody@example.com"))).toMatchObject({ sent: false, permanent: true });
    expect(await transport.send(mail("busy@example.com"))).toMatchObject({ sent: false, permanent: false });
    expect(received).toHaveLength(0);
  });

  it("a server that cannot be reached is worth a retry", async () => {
    const nowhere = new SmtpTransport("smtp://127.0.0.1:1");
    expect(await nowhere.send(mail("lena@example.com"))).toMatchObject({ sent: false, permanent: false });
  });
});
