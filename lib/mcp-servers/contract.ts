import type { McpServerHealth } from "@/lib/generated/prisma/enums";
import type { CatalogChanges } from "@/lib/mcp/contract";
import { z } from "zod";
import { sortedPageQuerySchema } from "@/lib/sorted-pages";
import { nonCanonicalIPv4Host } from "@/lib/ip-syntax";

// Header names a caller may not set on upstream requests: the transport owns them.
const RESERVED_HEADERS = new Set([
  "host", "content-length", "content-type", "accept", "connection", "transfer-encoding", "mcp-session-id", "mcp-protocol-version",
  "mcp-method", "mcp-name", "last-event-id", "upgrade", "te", "trailer", "keep-alive", "proxy-authorization",
]);

const headerName = z
  .string()
  .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/, "Header names are letters, digits and - (RFC 9110 token)")
  .refine((name) => !RESERVED_HEADERS.has(name.toLowerCase()), { message: "This header is set by the gateway itself" });

const headers = z
  .record(
    headerName,
    z
      .string()
      .max(4096, "Header values are at most 4096 characters")
      // Visible ASCII, spaces and tabs (RFC 9110 field-value); anything else would make fetch quote the value in an error.
      .regex(/^[\t\x20-\x7e]*$/, "Header values may contain printable ASCII characters only"),
  )
  .refine((h) => Object.keys(h).length <= 20, { message: "At most 20 headers" });

const url = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => {
    try {
      const parsed = new URL(value);
      return (parsed.protocol === "http:" || parsed.protocol === "https:") && !parsed.username && !parsed.password;
    } catch {
      return false;
    }
  }, { message: "Enter an http:// or https:// URL without credentials (put API keys in headers)" })
  // new URL() would quietly rewrite 010.0.0.1 or 0x7f.1 to another address: refuse them as written.
  .refine((value) => nonCanonicalIPv4Host(value) === null, {
    message: "Write an IPv4 host as four decimal numbers without leading zeros (like 203.0.113.7)",
  });

const slug = z
  .string()
  .min(2, "Slug must be at least 2 characters")
  .max(32, "Slug must be at most 32 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens");

const name = z.string().trim().min(1, "Name is required").max(64, "Name must be at most 64 characters");
const timeoutMs = z.number().int().min(1000, "timeoutMs must be at least 1000").max(300_000, "timeoutMs must be at most 300000");

export const createMcpServerSchema = z.strictObject({ name, slug, url, headers: headers.default({}), timeoutMs: timeoutMs.default(60_000) });
export type CreateMcpServerInput = z.infer<typeof createMcpServerSchema>;

export const updateMcpServerSchema = z
  .strictObject({ name: name.optional(), url: url.optional(), headers: headers.optional(), timeoutMs: timeoutMs.optional(), enabled: z.boolean().optional() })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "Send at least one field" });
export type UpdateMcpServerInput = z.infer<typeof updateMcpServerSchema>;

export const listMcpServersQuerySchema = sortedPageQuerySchema(["newest", "oldest", "name", "-name"], "oldest").extend({ search: z.string().trim().max(64).optional() });
export type ListMcpServersQuery = z.infer<typeof listMcpServersQuerySchema>;

/** A server as the API shows it: header names, never their values. */
export type McpServerView = {
  id: string;
  name: string;
  slug: string;
  url: string;
  builtin: boolean;
  headerNames: string[];
  timeoutMs: number;
  enabled: boolean;
  health: McpServerHealth;
  lastError: string | null;
  lastErrorAt: string | null;
  lastSyncedAt: string | null;
  lastSyncChanges: CatalogChanges | null;
  protocolVersion: string | null;
  toolCount: number;
  createdAt: string;
  updatedAt: string;
};

/** A catalog tool as the admin API shows it. */
export type CatalogToolView = {
  id: string;
  name: string;
  exposedName: string;
  title: string | null;
  description: string;
  inputSchema: unknown;
  outputSchema: unknown;
  annotations: unknown;
  server: { id: string; slug: string; name: string };
};

export type CatalogPromptView = { name: string; title: string | null; description: string; arguments: unknown };
export type CatalogResourceView = { uri: string; name: string; title: string | null; description: string; mimeType: string | null };
export type CatalogResourceTemplateView = { uriTemplate: string; name: string; title: string | null; description: string; mimeType: string | null };

/** One server with its whole catalog, as `GET /mcp-servers/:serverId` answers. */
export type McpServerDetailView = McpServerView & {
  tools: CatalogToolView[];
  prompts: CatalogPromptView[];
  resources: CatalogResourceView[];
  resourceTemplates: CatalogResourceTemplateView[];
};
