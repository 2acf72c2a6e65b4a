// Cheap checks on the address bar, so pages import Firebase Auth only when needed.

/** True when the page was opened from an emailed sign-in link. */
export function isLinkReturn(href = location.href): boolean {
  const params = new URL(href).searchParams;
  return params.get("mode") === "signIn" && params.has("oobCode");
}

/** The address without the link's one-time parameters (kept: our own, e.g. ?offering=). */
export function withoutLinkParams(href = location.href): string {
  const url = new URL(href);
  for (const name of ["mode", "oobCode", "apiKey", "lang", "continueUrl", "tenantId"]) url.searchParams.delete(name);
  return url.toString();
}
