// Builds what the Functions runtime and emulator load (lib/): one ES module
// per deployed function, bundled with its dependencies by esbuild and split
// into shared chunks, so a cold start reads a few files instead of resolving
// hundreds across node_modules, and loads only its own function's code.
// Type checking is tsc's (`tsc --noEmit`, the build script's first step).
//
// - firebase-admin resolves to its CommonJS build when imported statically:
//   its ES wrapper reads every export at import, which loads Firestore's gRPC
//   stack (google-gax) before the first request needs it; required,
//   Firestore's client loads it on first use. A dynamic import (auth,
//   messaging, functions: shell/firebase.ts) gets the ES wrapper, in a chunk
//   of its own.
// - What a cold start would parse or run only for a later request is left
//   for that request (the plugins below say what and why): a function's
//   module loads in about 160 ms instead of 245 (median; `npm run bench`).
// - Left to node_modules (external): google-gax, gRPC and protobufjs (they
//   read their .proto and JSON files relative to their own folders), pdfkit
//   (its font metrics files likewise), nodemailer, and node-forge, which
//   firebase-admin requires only to check a service account's key (never on
//   Cloud Functions), so no function parses it at import; all are installed
//   with the deployed package's dependencies.
// - Every output sits one folder below lib/ (lib/callables/…, lib/chunks/…),
//   as the compiled sources did, so the module-relative paths of
//   http/coach-page.ts and gateways/local-site-builder.ts still hold.
import { readdirSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { build } from "esbuild";

const KINDS = ["callables", "triggers", "http", "tasks", "scheduled", "webhooks"];
const entryPoints = [
  "src/index.ts",
  ...KINDS.flatMap((kind) =>
    readdirSync(`src/${kind}`)
      .filter((file) => file.endsWith(".ts"))
      .map((file) => `src/${kind}/${file}`),
  ),
];

/** firebase-admin's modules as CommonJS when imported statically. */
const firebaseAdminAsCommonJs = {
  name: "firebase-admin-as-commonjs",
  setup(builder) {
    builder.onResolve({ filter: /^firebase-admin(\/|$)/ }, (args) =>
      args.kind === "import-statement" ? builder.resolve(args.path, { kind: "require-call", resolveDir: args.resolveDir }) : undefined,
    );
  },
};

/**
 * firebase-functions' callable provider requires firebase-admin/auth and
 * app-check at import, yet only verifies a request's tokens with them. Here
 * it gets the two calls it makes (firebase-functions is pinned), each loading
 * its module on first use from a chunk of its own: an HTTP function (the
 * coach page, the webhook, the calendar feed) never reads that code, nor does
 * a callable called without a token (the public slots).
 */
const VERIFIERS_ON_FIRST_USE = {
  "firebase-admin/auth": `export const getAuth = (app) => ({
    verifyIdToken: async (idToken) => (await import("firebase-admin/auth")).getAuth(app).verifyIdToken(idToken),
  });`,
  "firebase-admin/app-check": `export const getAppCheck = (app) => ({
    verifyToken: async (token, options) => (await import("firebase-admin/app-check")).getAppCheck(app).verifyToken(token, options),
  });`,
};
const tokenVerifiersOnFirstUse = {
  name: "token-verifiers-on-first-use",
  setup(builder) {
    builder.onResolve({ filter: /^firebase-admin\/(auth|app-check)$/ }, (args) =>
      /firebase-functions[\\/]lib[\\/]common[\\/]providers[\\/]https\.js$/.test(args.importer) ? { path: args.path, namespace: "on-first-use" } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: "on-first-use" }, (args) => ({ contents: VERIFIERS_ON_FIRST_USE[args.path], resolveDir: import.meta.dirname }));
  },
};

/**
 * Firestore's client requires its generated gRPC client (v1, with its proto
 * descriptors) when it opens its first channel, and its bundle protos only
 * to build a bundle: left in node_modules, read then, not parsed by every
 * cold start (about 0.5 MB of its 0.7 MB). package.json pins the version,
 * so the bundled part and the part in node_modules are the same release.
 * Its tracing helper requires v1 for types only and never reads it
 * (telemetry/enabled-trace-util.js): that require gets an empty module.
 */
const firestoreClientOnFirstUse = {
  name: "firestore-client-on-first-use",
  setup(builder) {
    builder.onResolve({ filter: /^(\.\.?\/v1|\.\/v1beta1|\.\.\/protos\/firestore_v1_proto_api)$/ }, (args) => {
      const importer = args.importer.replaceAll("\\", "/");
      if (!importer.includes("/@google-cloud/firestore/build/src/")) return undefined;
      if (importer.endsWith("/telemetry/enabled-trace-util.js")) return { path: "v1 (types only)", namespace: "unread" };
      const path = join(args.resolveDir, args.path).replaceAll("\\", "/");
      return { path: path.slice(path.lastIndexOf("@google-cloud/firestore/")), external: true };
    });
    builder.onLoad({ filter: /.*/, namespace: "unread" }, () => ({ contents: "module.exports = {};" }));
  },
};

/**
 * firebase-admin requires google-auth-library (with gaxios, gcp-metadata and
 * their dependencies: about 240 KB, 40 ms of module code) at import, for the
 * default credential that initializeApp() creates on the first request. It
 * gets a stand-in that requires the library from node_modules, where
 * firebase-admin itself would (its own copy if it has one), when a
 * credential first reads it: no function parses it at a cold start.
 */
const authLibraryOnFirstUse = {
  name: "auth-library-on-first-use",
  setup(builder) {
    builder.onResolve({ filter: /^google-auth-library$/ }, (args) =>
      /firebase-admin[\\/]lib[\\/]app[\\/]credential-internal\.js$/.test(args.importer) ? { path: args.path, namespace: "on-first-use-cjs" } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: "on-first-use-cjs" }, () => ({
      contents: `const { createRequire } = require("node:module");
        let library;
        const load = () => (library ??= createRequire(require.resolve("firebase-admin/app"))("google-auth-library"));
        module.exports = new Proxy({}, { get: (_, name) => load()[name] });`,
    }));
  },
};

/**
 * firebase-functions' Firestore trigger provider requires its compiled event
 * protos (188 KB, and protobufjs) at import, to decode an event when one
 * comes. Here the decoder requires them from node_modules on the first event
 * (firebase-functions is pinned; the build fails if the lines it replaces
 * change).
 */
const EVENT_PROTOS = 'const compiledFirestore_1 = require("../../../protos/compiledFirestore");';
const EVENT_DECODER = "const DocumentEventData = compiledFirestore_1.google.events.cloud.firestore.v1.DocumentEventData;";
const eventProtosOnFirstEvent = {
  name: "event-protos-on-first-event",
  setup(builder) {
    builder.onLoad({ filter: /firebase-functions[\\/]lib[\\/]common[\\/]providers[\\/]firestore\.js$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      if (!source.includes(EVENT_PROTOS) || !source.includes(EVENT_DECODER)) throw new Error(`${args.path} changed: review eventProtosOnFirstEvent`);
      const decoder = `let protos; const DocumentEventData = { decode: (buffer) => (protos ??= require("node:module").createRequire(require.resolve("firebase-functions/v2/options"))("../../protos/compiledFirestore")).google.events.cloud.firestore.v1.DocumentEventData.decode(buffer) };`;
      return { contents: source.replace(EVENT_PROTOS, "").replace(EVENT_DECODER, decoder), loader: "js" };
    });
  },
};

rmSync("lib", { recursive: true, force: true });
await build({
  entryPoints,
  outdir: "lib",
  outbase: "src",
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node22",
  sourcemap: true,
  minifyWhitespace: true,
  minifySyntax: true,
  external: ["google-gax", "@grpc/grpc-js", "protobufjs", "pdfkit", "nodemailer", "node-forge"],
  plugins: [eventProtosOnFirstEvent, authLibraryOnFirstUse, firestoreClientOnFirstUse, tokenVerifiersOnFirstUse, firebaseAdminAsCommonJs],
  // The bundled CommonJS packages call require() and read __dirname/__filename, which an ES module lacks.
  banner: {
    js: [
      'import { createRequire as __createRequire } from "node:module";',
      'import { fileURLToPath as __fileURLToPath } from "node:url";',
      "const require = __createRequire(import.meta.url);",
      "const __filename = __fileURLToPath(import.meta.url);",
      'const __dirname = __fileURLToPath(new URL(".", import.meta.url));',
    ].join(" "),
  },
  logLevel: "warning",
});
