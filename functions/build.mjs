// Builds what the Functions runtime and emulator load (lib/): one ES module
// per deployed function, bundled with its dependencies by esbuild and split
// into shared chunks, so a cold start reads a few files instead of resolving
// hundreds across node_modules, and loads only its own function's code.
// Type checking is tsc's (`tsc --noEmit`, the build script's first step).
//
// - firebase-admin resolves to its CommonJS build: its ES wrapper reads every
//   export at import, which loads Firestore's gRPC stack (google-gax) before
//   the first request needs it; required, Firestore's client loads it on first use.
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

/** firebase-admin's modules as CommonJS, whichever way they are imported. */
const firebaseAdminAsCommonJs = {
  name: "firebase-admin-as-commonjs",
  setup(builder) {
    builder.onResolve({ filter: /^firebase-admin(\/|$)/ }, (args) =>
      args.kind === "require-call" ? undefined : builder.resolve(args.path, { kind: "require-call", resolveDir: args.resolveDir }),
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
    verifyIdToken: async (idToken) => (await import("firebase-admin/auth")).default.getAuth(app).verifyIdToken(idToken),
  });`,
  "firebase-admin/app-check": `export const getAppCheck = (app) => ({
    verifyToken: async (token, options) => (await import("firebase-admin/app-check")).default.getAppCheck(app).verifyToken(token, options),
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
  plugins: [tokenVerifiersOnFirstUse, firebaseAdminAsCommonJs],
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
