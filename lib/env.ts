import { z } from "zod";

// The environment, validated once. Parsed lazily because start-up (server.ts)
// fills in DATABASE_URL and NEXTAUTH_SECRET before anything asks for them.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Connections for the MCP endpoint's own pool (the admin plane keeps DATABASE_POOL_SIZE). */
  DATA_PLANE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  DATA_DIR: z.string().default(".data"),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  SEED_ORG_SLUG: z.string().default("demo"),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(12, "ADMIN_PASSWORD must be at least 12 characters").optional(),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_NAME: z.string().default("Single sign-on"),
  OIDC_TRUST_UNVERIFIED_EMAIL: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
  EXPIRED_TOKEN_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(0),
  SECRETS_KEY: z.string().optional(),
  UPSTREAM_ALLOWED_NETWORKS: z.string().optional(),
  CATALOG_SYNC_INTERVAL: z.string().optional(),
  MCP_ALLOWED_ORIGINS: z.string().optional(),
  INSTANCE_URL: z.string().url().optional(),
  MCP_INPUT_WAIT_MS: z.coerce.number().int().min(1000).max(24 * 3_600_000).default(600_000),
  MCP_MAX_UPSTREAM_MESSAGE_BYTES: z.coerce.number().int().min(1024).default(32 * 1024 * 1024),
  /** Seconds a stopping instance gives the requests in flight to finish (SIGTERM). */
  SHUTDOWN_TIMEOUT: z.coerce.number().int().min(0).max(3600).default(25),
  /** Seconds it keeps accepting with /readyz failing before it stops accepting, so a balancer notices first. */
  SHUTDOWN_DELAY: z.coerce.number().int().min(0).max(600).default(0),
  TOKEN_CLEANUP_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(
    Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== "")),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** For tests and start-up code that changes process.env after a first read. */
export function resetEnvCache(): void {
  cached = undefined;
}

export function oidcEnabled(config: Env = env()): boolean {
  return Boolean(config.OIDC_ISSUER && config.OIDC_CLIENT_ID && config.OIDC_CLIENT_SECRET);
}
