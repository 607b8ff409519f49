import { z } from "zod";
import { parseCidrList } from "@/lib/cidr-list";

// The environment, validated once. Parsed lazily because start-up (server.ts)
// fills in DATABASE_URL and NEXTAUTH_SECRET before anything asks for them.
// Every variable the app reads is declared here (lib/env.test.ts fails on one
// that is read but not declared), so a bad value stops the start with a line
// naming it instead of being taken silently.

const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ message: `must be a whole number from ${min} to ${max}` })
    .int(`must be a whole number from ${min} to ${max}`)
    .min(min, `must be a whole number from ${min} to ${max}`)
    .max(max, `must be a whole number from ${min} to ${max}`);

const url = (protocols: string[], example: string) =>
  z
    .string()
    .refine((value) => URL.canParse(value) && protocols.includes(new URL(value).protocol), `must be a URL like ${example}`);

const httpUrl = (example: string) => url(["http:", "https:"], example);

const DURATION = /^\d+\s*(ms|s|m|h)?$/;

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: wholeNumber(1, 65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: url(["postgres:", "postgresql:"], "postgresql://user:password@host:5432/database").optional(),
  DATABASE_POOL_SIZE: wholeNumber(1, 100).default(10),
  /** A session connection for the start-up migrator's lock, when DATABASE_URL is a transaction-mode pooler. */
  DIRECT_DATABASE_URL: url(["postgres:", "postgresql:"], "postgresql://user:password@host:5432/database").optional(),
  /** Connections for the MCP endpoint's own pool (the admin plane keeps DATABASE_POOL_SIZE). */
  DATA_PLANE_POOL_SIZE: wholeNumber(1, 100).default(10),
  /** false behind a pooler that cannot keep protocol-level prepared statements (PgBouncer before 1.21, or max_prepared_statements = 0). */
  DATABASE_PREPARED_STATEMENTS: z.enum(["true", "false"], { message: "must be true or false" }).default("true").transform((v) => v === "true"),
  DATA_DIR: z.string().default(".data"),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  NEXTAUTH_URL: httpUrl("https://control-room.example.com").optional(),
  SEED_ORG_SLUG: z.string().default("demo"),
  ADMIN_EMAIL: z.string().email("must be an email address").optional(),
  ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  OIDC_ISSUER: httpUrl("https://accounts.example.com").optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_NAME: z.string().default("Single sign-on"),
  OIDC_TRUST_UNVERIFIED_EMAIL: z.enum(["true", "false"], { message: "must be true or false" }).default("false").transform((v) => v === "true"),
  EXPIRED_TOKEN_RETENTION_DAYS: wholeNumber(0, 3650).default(0),
  /** A live token this close to its expiry is "expiring soon" (badges, filters, Overview, notices). */
  TOKEN_EXPIRY_WARNING_DAYS: wholeNumber(1, 365).default(7),
  SECRETS_KEY: z
    .string()
    .refine((value) => Buffer.from(value, "base64").length === 32, "must be 32 bytes, base64-encoded (openssl rand -base64 32)")
    .optional(),
  UPSTREAM_ALLOWED_NETWORKS: z
    .string()
    .superRefine((value, ctx) => {
      try {
        parseCidrList(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: `${(error as Error).message} (expected a comma-separated CIDR list)` });
      }
    })
    .optional(),
  CATALOG_SYNC_INTERVAL: z.string().regex(DURATION, "must be a duration like 90s, 10m or 1h").optional(),
  TOKEN_CLEANUP_INTERVAL_MINUTES: wholeNumber(1, 24 * 60).default(60),
  /** Proxies of ours in front of the app; read on every request by lib/client-ip.ts. */
  TRUSTED_PROXY_HOPS: wholeNumber(0, 10).default(0),
  /** Rate limits count in this Redis instead of PostgreSQL. */
  REDIS_URL: url(["redis:", "rediss:"], "redis://127.0.0.1:6379").optional(),
  /** off: every MCP call of a high-limit token takes its own PostgreSQL slot (exact counting, a write per call). */
  RATE_LIMIT_LEASES: z.enum(["on", "off"], { message: "must be on or off" }).default("on"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"], { message: "must be debug, info, warn or error" }).default("info"),
  /** Serve /metrics on this port too (a listener of its own, for the scraper's network only). */
  METRICS_PORT: wholeNumber(1, 65535).optional(),
  /** Where METRICS_PORT listens (default: HOST). */
  METRICS_HOST: z.string().optional(),
  /** Bearer token for /metrics; with it, /metrics is also served on PORT. */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** Browser origins allowed on the MCP endpoint besides NEXTAUTH_URL's, comma-separated. */
  MCP_ALLOWED_ORIGINS: z
    .string()
    .refine((value) => value.split(",").every((entry) => !entry.trim() || (URL.canParse(entry.trim()) && ["http:", "https:"].includes(new URL(entry.trim()).protocol))), "must be comma-separated origins like https://agents.example.com")
    .optional(),
  /** Where the other instances reach this one (a translated multi round-trip request's next step is forwarded there). */
  INSTANCE_URL: httpUrl("http://10.0.0.5:3000").optional(),
  /** How long a translated multi round-trip request waits for the caller's input. */
  MCP_INPUT_WAIT_MS: wholeNumber(1000, 24 * 3_600_000).default(600_000),
  /** The largest upstream answer (or SSE event) the relay takes. */
  MCP_MAX_UPSTREAM_MESSAGE_BYTES: wholeNumber(1024, 1024 * 1024 * 1024).default(32 * 1024 * 1024),
  /** Usage records kept while the database is away; past it the oldest are dropped (counted, logged). */
  USAGE_BUFFER_LIMIT: wholeNumber(100, 10_000_000).default(100_000),
  /** Seconds a stopping instance gives the requests in flight to finish (SIGTERM). */
  SHUTDOWN_TIMEOUT: wholeNumber(0, 3600).default(25),
  /** Seconds it keeps accepting with /readyz failing before it stops accepting, so a balancer notices first. */
  SHUTDOWN_DELAY: wholeNumber(0, 600).default(0),
});

export type Env = z.infer<typeof schema>;

/** The variables the schema declares (lib/env.test.ts checks the code reads no others). */
export const DECLARED_VARIABLES: readonly string[] = Object.keys(schema.shape);

export class InvalidEnvironmentError extends Error {
  override name = "InvalidEnvironmentError";
}

/**
 * Validates an environment. Empty values count as unset. A bad value throws
 * one line per variable, naming it and what it must be; values are never
 * echoed, since some are secrets.
 */
export function parseEnv(source: NodeJS.ProcessEnv | Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(source).filter(([, value]) => value !== "" && value !== undefined)));
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
  throw new InvalidEnvironmentError(`Invalid environment: ${[...new Set(lines)].join("; ")}`);
}

let cached: Env | undefined;

export function env(): Env {
  return (cached ??= parseEnv(process.env));
}

/** For tests and start-up code that changes process.env after a first read. */
export function resetEnvCache(): void {
  cached = undefined;
}

export function oidcEnabled(config: Env = env()): boolean {
  return Boolean(config.OIDC_ISSUER && config.OIDC_CLIENT_ID && config.OIDC_CLIENT_SECRET);
}
