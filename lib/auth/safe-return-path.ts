// Where to send someone after sign-in (a callbackUrl), reduced to a path on
// this site. The value is parsed the way a browser will read it (WHATWG URL:
// tabs and newlines dropped, backslashes read as slashes, "//host" as another
// host), so a string that looks like a path but that a browser would resolve
// to another origin ("/\t/evil.example", "/\\evil.example") cannot get through.

const PLACEHOLDER_ORIGIN = "https://control-room.invalid";

/**
 * A same-origin path (with query and fragment) for `value`, or "/" when it
 * names another origin or is not a URL. `origin` is this site's own (an
 * absolute URL on it is accepted); without it only paths are.
 */
export function safeReturnPath(value: unknown, origin: string = PLACEHOLDER_ORIGIN): string {
  if (typeof value !== "string" || value === "") return "/";
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(value, base);
  } catch {
    return "/";
  }
  if (url.origin !== base.origin) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "//x" or "/\x" as a path would be read as another host when used on its own.
  return /^\/[/\\]/.test(path) ? "/" : path;
}
