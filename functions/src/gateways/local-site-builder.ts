import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { builtVersion, pageFiles, type PageVersion, type SiteBuilder } from "./site-builder.js";

/** Where the Hosting emulator serves the site build from (this repository's site/dist/client). */
const LOCAL_SITE = fileURLToPath(new URL("../../../site/dist/client/", import.meta.url));

/** The emulators' builder: retires stale pages in the folder the Hosting emulator serves, at once. */
export class LocalSiteBuilder implements SiteBuilder {
  readonly gatherSeconds = 0;

  constructor(private readonly dir: string = LOCAL_SITE) {}

  async refresh(pages: PageVersion[]): Promise<void> {
    for (const { slug, version } of pages) {
      for (const file of pageFiles(slug)) {
        const path = join(this.dir, file);
        const html = await readFile(path, "utf8").catch(() => null);
        if (html !== null && builtVersion(html) !== version) await rm(path, { force: true });
      }
    }
  }
}
