// The screen client's JavaScript style: `scripts/lint-js` runs it, and any
// warning fails. The client runs unbuilt in kiosks and TVs as old as
// Chromium 80, so its code may use no syntax newer than ES2020.
import js from "@eslint/js";
import globals from "globals";
import { fileURLToPath } from "node:url";

const CLIENT_ECMA_VERSION = 2020;

// Patterns are relative to this folder, whichever folder eslint runs from.
const HERE = fileURLToPath(new URL(".", import.meta.url));

export default [
  js.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "no-unused-vars": ["error", { args: "after-used" }],
      eqeqeq: ["error", "smart"],
      "no-implicit-globals": "error",
      "prefer-const": "error",
      "no-var": "error",
    },
  },
  {
    files: ["js/**/*.js"],
    languageOptions: {
      ecmaVersion: CLIENT_ECMA_VERSION,
      sourceType: "module",
      globals: globals.browser,
    },
  },
  {
    // A classic script that must run where the modules cannot (a syntax the
    // browser lacks), so it keeps to ES5. It shares the page's global scope.
    files: ["js/watchdog.js"],
    languageOptions: {
      ecmaVersion: 5,
      sourceType: "script",
    },
    rules: {
      "no-var": "off",
      "prefer-const": "off",
    },
  },
  {
    // A classic script: Chromium 80 cannot run module workers. Its global
    // scope is the worker's own, where nothing else runs, so its top-level
    // declarations leak nowhere (and its tests read them from there).
    files: ["sw.js"],
    languageOptions: {
      ecmaVersion: CLIENT_ECMA_VERSION,
      sourceType: "script",
      globals: globals.serviceworker,
    },
    rules: {
      "no-implicit-globals": "off",
    },
  },
  {
    files: ["tests/**/*.js", "eslint.config.js"],
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "module",
      globals: globals.node,
    },
  },
].map((config) => ({ basePath: HERE, ...config }));
