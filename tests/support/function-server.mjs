// Serves one built function (FUNCTION_TARGET, from functions/lib) over HTTP in
// a Node process of its own, as Cloud Functions' framework hands it requests:
// an express-like request (header(), the parsed JSON body, rawBody) and
// response (status(), send()). Unlike the Functions emulator, which tells the
// functions to skip ID token verification (FIREBASE_DEBUG_FEATURES), this runs
// a callable's production token check: firebase-admin's verifyIdToken, against
// the Auth emulator. Prints its port once listening.
import { createServer } from "node:http";

const target = process.env.FUNCTION_TARGET ?? "";
const handler = (await import("../../functions/lib/index.js"))[target];
if (typeof handler !== "function") throw new Error(`no built function named "${target}"`);

const server = createServer(async (req, res) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const rawBody = Buffer.concat(chunks);
  let body;
  try {
    body = rawBody.length > 0 ? JSON.parse(rawBody.toString("utf8")) : {};
  } catch {
    res.writeHead(400).end();
    return;
  }
  Object.assign(req, { rawBody, body, header: (name) => req.headers[name.toLowerCase()] });
  Object.assign(res, {
    status: (code) => Object.assign(res, { statusCode: code }),
    send: (answer) => {
      if (typeof answer === "object" && !Buffer.isBuffer(answer)) res.setHeader("content-type", "application/json");
      res.end(typeof answer === "string" || Buffer.isBuffer(answer) ? answer : JSON.stringify(answer));
      return res;
    },
  });
  await handler(req, res);
});
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
