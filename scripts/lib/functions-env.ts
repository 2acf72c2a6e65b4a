import { readFileSync } from "node:fs";

/**
 * The functions' settings that code running the shell outside the Functions
 * emulator needs too (tests, the bench: mail links, sender, the local inbox),
 * from the emulators' files.
 */
export function functionsEnv(): Record<string, string> {
  return Object.fromEntries(
    ["functions/.env", "functions/.env.local", "functions/.secret.local"]
      .flatMap((file) => readFileSync(file, "utf8").split("\n"))
      .map((line) => /^([A-Z_]+)=(.*)$/.exec(line.trim()))
      .flatMap((match) => (match && ["SITE_ORIGIN", "MAIL_SENDER", "MAIL_LINK_SECRET", "SMTP_URL"].includes(match[1]!) ? [[match[1]!, match[2]!]] : [])),
  );
}
