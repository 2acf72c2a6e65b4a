import { pageFiles, builtVersion, type PageVersion, type SiteBuilder } from "./site-builder.js";

/** A Hosting API long-running operation (versions:clone). */
interface Operation {
  name: string;
  done?: boolean;
  error?: { message?: string };
  response?: { name?: string };
}

export interface HostingOptions {
  /** The Hosting site id, e.g. "solocoach-prod". */
  site: string;
  /** Where visitors open the pages, e.g. https://solocoach-prod.web.app. */
  pageOrigin: string;
  /** An OAuth access token with the firebase.hosting scope (the function's service account). */
  token: () => Promise<string>;
  /** The Hosting REST API (a local stand-in in tests). */
  api?: string;
  /** How long to wait between looks at the clone operation. */
  pollMs?: number;
  /** Seconds refreshes wait to share one release (default 30: at most two releases a minute). */
  gatherSeconds?: number;
}

/**
 * Production: retires stale coach pages from the live Hosting release. It
 * looks at the pages as visitors get them; when one shows another version,
 * it clones the live version without the stale files of every address
 * asked about (server-side: no upload, however many coaches the site holds)
 * and releases the clone, once for all of them. The Hosting rewrite then
 * sends those addresses to `coachPage`. Calls are made one at a time (the
 * refresh queue dispatches one task at a time), so two releases never race.
 */
export class HostingSiteBuilder implements SiteBuilder {
  readonly gatherSeconds: number;
  private readonly api: string;

  constructor(private readonly options: HostingOptions) {
    this.api = options.api ?? "https://firebasehosting.googleapis.com";
    this.gatherSeconds = options.gatherSeconds ?? 30;
  }

  async refresh(pages: PageVersion[]): Promise<void> {
    const stale = [];
    for (const { slug, version } of pages) {
      for (const file of pageFiles(slug)) {
        const path = `/${file.replace(/\.html$/, "")}`;
        const response = await fetch(`${this.options.pageOrigin}${path}`, { redirect: "manual" });
        const shown = response.status === 200 ? builtVersion(await response.text()) : null;
        if (response.status === 200 && shown !== null && shown !== version) stale.push(file);
      }
    }
    if (stale.length === 0) return;
    const live = await this.call<{ release?: { version?: { name?: string } } }>("GET", `/v1beta1/sites/${this.options.site}/channels/live`);
    const sourceVersion = live.release?.version?.name;
    if (!sourceVersion) throw new Error(`site ${this.options.site} has no live release`);
    const exclude = { regexes: stale.map((file) => `^/${file.replace(/[.]/g, "\\.")}$`) };
    let operation = await this.call<Operation>("POST", `/v1beta1/sites/${this.options.site}/versions:clone`, { sourceVersion, finalize: true, exclude });
    while (!operation.done) {
      await new Promise((resolve) => setTimeout(resolve, this.options.pollMs ?? 1000));
      operation = await this.call<Operation>("GET", `/v1beta1/${operation.name}`);
    }
    const cloned = operation.response?.name;
    if (operation.error || !cloned) throw new Error(`cloning ${sourceVersion} failed: ${operation.error?.message ?? "no version"}`);
    await this.call("POST", `/v1beta1/sites/${this.options.site}/releases?versionName=${encodeURIComponent(cloned)}`, {
      message: `SoloCoach: ${stale.length} coach page file(s) rendered on demand until the next static build`,
    });
  }

  /** One Hosting API call; a non-2xx answer throws (the task is retried). */
  private async call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.api}${path}`, {
      method,
      headers: { authorization: `Bearer ${await this.options.token()}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`Hosting API ${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
}
