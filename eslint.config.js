// ESLint: the recommended JavaScript and typescript-eslint rules, nothing
// switched off file by file. Type checking itself is tsc's and astro check's
// job (npm run check), so these rules need no type information and stay fast.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/node_modules/", "functions/lib/", "functions/.site-render/", "site/dist/", "site/.astro/", ".cache/", "test-results/"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `_name` marks a value that is deliberately left unused (e.g. a field taken out of an object by destructuring).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      // `total += await next()` adds to the total read before the wait: parallel lanes lose each other's updates.
      "require-atomic-updates": ["error", { allowProperties: true }],
      // The barrels load every trigger provider at a cold start: import the submodule a file uses.
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "firebase-functions", message: "Import the submodule (firebase-functions/logger, …/v2/https, …): the barrel loads every provider." },
            { name: "firebase-functions/v2", message: "Import the submodule (firebase-functions/v2/options, …/v2/https, …): the barrel loads every provider." },
          ],
        },
      ],
    },
  },
  {
    // The service worker runs in its own global scope.
    files: ["site/public/sw.js"],
    languageOptions: { globals: globals.serviceworker },
  },
);
