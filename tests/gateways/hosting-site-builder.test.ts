// The production SiteBuilder against a local stand-in that speaks the
// Firebase Hosting REST API (live channel, versions:clone with exclude,
// operations, releases) and serves the live version's pages like the CDN.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HostingSiteBuilder } from "../../functions/src/gateways/hosting-site-builder.js";
import { refreshWindow } from "../../functions/src/gateways/site-builder.js";

const page = (version: string) => `<!doctype html><html><head><meta name="solocoach:version" content="${version}" /></head><body></body></html>`;

/** The stand-in's state: versions by name (path → html), the live one, calls made. */
const hosting = {
  versions: new Map<string, Map<string, string>>(),
  live: "",
  operations: new Map<string, string>(),
  calls: [] as string[],
  failClone: false,
};

function reset(): void {
  hosting.versions = new Map([
    [
      "sites/demo/versions/v1",
      new Map([
        ["/emma.html", page("emma-1")],
        ["/de/emma.html", page("emma-1")],
        ["/tom.html", page("tom-1")],
        ["/app.html", "<!doctype html><title>app</title>"],
      ]),
    ],
  ]);
  hosting.live = "sites/demo/versions/v1";
  hosting.operations = new Map();
  hosting.calls = [];
  hosting.failClone = false;
}

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = "";
  for await (const chunk of req) text += String(chunk);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

let server: Server;
let origin: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://stand-in");
      const json = (status: number, value: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
      if (url.pathname.startsWith("/v1beta1/")) {
        hosting.calls.push(`${req.method} ${url.pathname}`);
        if (req.headers.authorization !== "Bearer test-token") return json(401, { error: "unauthenticated" });
      }
      if (req.method === "GET" && url.pathname === "/v1beta1/sites/demo/channels/live") return json(200, { release: { version: { name: hosting.live } } });
      if (req.method === "POST" && url.pathname === "/v1beta1/sites/demo/versions:clone") {
        if (hosting.failClone) return json(500, { error: "backend error" });
        const request = await body(req);
        const source = hosting.versions.get(String(request.sourceVersion));
        if (!source || request.finalize !== true) return json(400, { error: "bad clone request" });
        const regexes = ((request.exclude as { regexes?: string[] } | undefined)?.regexes ?? []).map((r) => new RegExp(r));
        const name = `sites/demo/versions/v${hosting.versions.size + 1}`;
        hosting.versions.set(name, new Map([...source].filter(([path]) => !regexes.some((r) => r.test(path)))));
        const operation = `projects/demo/operations/op-${hosting.operations.size + 1}`;
        hosting.operations.set(operation, name);
        return json(200, { name: operation, done: false });
      }
      const operation = url.pathname.replace("/v1beta1/", "");
      if (req.method === "GET" && hosting.operations.has(operation))
        return json(200, { name: operation, done: true, response: { name: hosting.operations.get(operation) } });
      if (req.method === "POST" && url.pathname === "/v1beta1/sites/demo/releases") {
        const version = url.searchParams.get("versionName") ?? "";
        if (!hosting.versions.has(version)) return json(400, { error: "no such version" });
        hosting.live = version;
        return json(200, { name: "sites/demo/releases/r", version: { name: version } });
      }
      // The CDN: the live version's files at their clean addresses.
      const html = hosting.versions.get(hosting.live)?.get(`${url.pathname}.html`);
      if (html) return res.writeHead(200, { "content-type": "text/html" }).end(html);
      return res.writeHead(404).end("Not found");
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(reset);

const builder = () => new HostingSiteBuilder({ site: "demo", pageOrigin: origin, api: origin, token: async () => "test-token", pollMs: 10 });
const liveFiles = () => [...(hosting.versions.get(hosting.live)?.keys() ?? [])].sort();

describe("HostingSiteBuilder", () => {
  it("releases a clone of the live version without the address's stale pages; other coaches keep theirs", async () => {
    await builder().refresh([{ slug: "emma", version: "emma-2" }]);
    expect(liveFiles()).toEqual(["/app.html", "/tom.html"]);
    expect(hosting.live).toBe("sites/demo/versions/v2");
    expect(hosting.calls).toEqual([
      "GET /v1beta1/sites/demo/channels/live",
      "POST /v1beta1/sites/demo/versions:clone",
      "GET /v1beta1/projects/demo/operations/op-1",
      "POST /v1beta1/sites/demo/releases",
    ]);
  });

  it("retires the stale pages of several coaches with one release (the CDN's cache is cleared once)", async () => {
    await builder().refresh([
      { slug: "emma", version: "emma-2" },
      { slug: "tom", version: "tom-2" },
      { slug: "anna", version: "anna-1" },
    ]);
    expect(liveFiles()).toEqual(["/app.html"]);
    expect(hosting.calls.filter((call) => call.startsWith("POST"))).toEqual(["POST /v1beta1/sites/demo/versions:clone", "POST /v1beta1/sites/demo/releases"]);
  });

  it("does nothing when the live pages already show the version, or are already retired", async () => {
    await builder().refresh([
      { slug: "emma", version: "emma-1" },
      { slug: "anna", version: "anna-1" },
    ]);
    expect(hosting.calls).toEqual([]);
    expect(hosting.live).toBe("sites/demo/versions/v1");
  });

  it("retires the pages of an address a coach left", async () => {
    await builder().refresh([{ slug: "tom", version: null }]);
    expect(liveFiles()).toEqual(["/app.html", "/de/emma.html", "/emma.html"]);
  });

  it("fails (so the task is retried) when the Hosting API does, and leaves the live release as it was", async () => {
    hosting.failClone = true;
    await expect(builder().refresh([{ slug: "emma", version: "emma-2" }])).rejects.toThrow(/versions:clone: 500/);
    expect(hosting.live).toBe("sites/demo/versions/v1");
  });
});

describe("refreshWindow", () => {
  it("gives every change of one minute the same task, run 5 s after the minute ends; the next minute another", () => {
    const at = (iso: string) => refreshWindow(new Date(iso), 60);
    expect(at("2026-11-30T12:00:00.000Z")).toEqual(at("2026-11-30T12:00:59.999Z"));
    expect(at("2026-11-30T12:00:30.000Z").runAt.toISOString()).toBe("2026-11-30T12:01:05.000Z");
    expect(at("2026-11-30T12:01:00.000Z").id).not.toBe(at("2026-11-30T12:00:59.999Z").id);
    expect(at("2026-11-30T12:01:00.000Z").runAt.toISOString()).toBe("2026-11-30T12:02:05.000Z");
  });
});
