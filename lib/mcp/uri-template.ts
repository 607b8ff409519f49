/**
 * Whether a URI could come from an RFC 6570 template, for routing
 * resources/read to the server that offers the template. Each `{var}` matches
 * one path segment; `{+var}` and `{/var*}`-style expansions match the rest.
 */
export function matchesUriTemplate(template: string, uri: string): boolean {
  const pattern = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      if (!part.startsWith("{")) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      return /^\{[+#/.;?&]/.test(part) || part.endsWith("*}") ? ".*" : "[^/?#]+";
    })
    .join("");
  return new RegExp(`^${pattern}$`).test(uri);
}
