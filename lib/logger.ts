import pino from "pino";

// Structured one-line JSON logs through pino: the Node ecosystem's standard
// logger, fast (it formats on the calling thread without extra allocations
// and writes straight to stdout), and with path-based redaction, so a secret
// that reaches a log call by mistake is written as "[redacted]". The exported
// `logger` keeps the project's own shape — `logger.info(message, fields?)` —
// so callers do not depend on pino's argument order.

export const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

// Keys whose values never belong in a log, at any of the first three levels
// of a log line's fields ("headers.authorization", "error.config.password" …).
const SECRET_KEYS = [
  "authorization",
  "cookie",
  '["set-cookie"]',
  "password",
  "passwordHash",
  "generatedPassword",
  "token",
  "tokenHash",
  "secret",
  "clientSecret",
  "client_secret",
  "NEXTAUTH_SECRET",
  "SECRETS_KEY",
  "METRICS_TOKEN",
  "OIDC_CLIENT_SECRET",
  "ADMIN_PASSWORD",
  "DATABASE_URL",
  "REDIS_URL",
  "connectionString",
];
export const REDACTED_PATHS = SECRET_KEYS.flatMap((key) => {
  const tail = key.startsWith("[") ? key : `.${key}`;
  return [key, `*${tail}`, `*.*${tail}`];
});

/** LOG_LEVEL as lib/env.ts validates it; a bad value is refused at start-up, so here it only falls back. */
function levelFromEnv(): LogLevel {
  const value = process.env.LOG_LEVEL;
  return (LOG_LEVELS as readonly string[]).includes(value ?? "") ? (value as LogLevel) : "info";
}

/** The pino instance behind `logger` (the access log writes through it too). */
export function createPinoLogger(destination?: pino.DestinationStream): pino.Logger {
  return pino(
    {
      level: levelFromEnv(),
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      serializers: { error: pino.stdSerializers.err, err: pino.stdSerializers.err },
    },
    destination,
  );
}

// One instance per process, shared by server.ts and Next's own copy of this module.
const globalForLogger = globalThis as unknown as { controlRoomLogger?: pino.Logger };
export function pinoLogger(): pino.Logger {
  return (globalForLogger.controlRoomLogger ??= createPinoLogger());
}

type Fields = Record<string, unknown>;

/** Error objects anywhere at the top level become { type, message, stack } (pino's err serializer). */
function withErrors(fields: Fields | undefined): Fields {
  if (!fields) return {};
  const out: Fields = {};
  for (const [key, value] of Object.entries(fields)) out[key] = value instanceof Error ? pino.stdSerializers.err(value) : value;
  return out;
}

export const logger = {
  debug: (message: string, fields?: Fields) => pinoLogger().debug(withErrors(fields), message),
  info: (message: string, fields?: Fields) => pinoLogger().info(withErrors(fields), message),
  warn: (message: string, fields?: Fields) => pinoLogger().warn(withErrors(fields), message),
  error: (message: string, fields?: Fields) => pinoLogger().error(withErrors(fields), message),
};
