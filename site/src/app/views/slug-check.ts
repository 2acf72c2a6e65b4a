// The page-address field's live check (sign-up wizard, Settings): the format
// here, availability by checkSlug, said as the coach types.
import type { AppContext } from "../context.js";
import type { OnboardingText } from "./onboarding.text.js";
import { input } from "./settings-form.js";

type SlugState = "checking" | "free" | "SLUG_TAKEN" | "SLUG_RESERVED" | "format" | "unknown";

/** An address field: lower-case letters, digits and single hyphens, 3–40 characters (the domain's Slug). */
export function slugInput(value = ""): HTMLInputElement {
  return input({ value, required: true, minLength: 3, maxLength: 40, pattern: "[a-z0-9]+(-[a-z0-9]+)*", autocomplete: "off", inputMode: "url" });
}

/** The address field's live check: format here, availability by checkSlug, shown as the coach types. */
export function slugChecker(ctx: Pick<AppContext, "call">, t: OnboardingText, slug: HTMLInputElement, status: HTMLElement, current = "") {
  let own = current;
  let state: SlugState = "unknown";
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: Promise<void> = Promise.resolve();
  const url = () => `${location.origin}/${slug.value}`;
  const show = (next: SlugState) => {
    state = next;
    const text: Record<SlugState, string> = {
      checking: t.slugChecking,
      free: t.slugFree(url()),
      SLUG_TAKEN: t.slugTaken,
      SLUG_RESERVED: t.slugReserved,
      format: t.slugFormat,
      unknown: "",
    };
    status.textContent = text[next];
    status.classList.toggle("bad", next === "SLUG_TAKEN" || next === "SLUG_RESERVED" || next === "format");
    if (next === "free" || next === "unknown" || next === "checking") slug.removeAttribute("aria-invalid");
    else slug.setAttribute("aria-invalid", "true");
  };
  const ask = async (value: string) => {
    try {
      const answer = await ctx.call("checkSlug", { slug: value });
      if (slug.value === value) show(answer.available ? "free" : (answer.reason ?? "SLUG_TAKEN"));
    } catch {
      if (slug.value === value) show("unknown"); // createCoach decides; the wizard does not stop on a failed check.
    }
  };
  const check = () => {
    clearTimeout(timer);
    if (slug.value === own) return show("unknown");
    if (!slug.checkValidity()) return show(slug.value ? "format" : "unknown");
    show("checking");
    const value = slug.value;
    pending = new Promise((resolve) => {
      timer = setTimeout(() => void ask(value).then(resolve), 300);
    });
  };
  slug.addEventListener("input", () => {
    slug.value = slug.value.toLowerCase();
    check();
  });
  return {
    check,
    show,
    /** The coach's address is now `slug`: no need to check it. */
    forget(slug: string): void {
      own = slug;
      show("unknown");
    },
    /** Whether the address may be tried: free, or not checkable just now. */
    async usable(): Promise<boolean> {
      if (state === "checking") await pending;
      return state === "free" || state === "unknown";
    },
  };
}
