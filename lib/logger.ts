// Structured one-line JSON logs. Never pass secrets (passwords, tokens,
// cookies) here: values are written as given, except Error objects, which are
// reduced to their name, message and stack.
type Level = "debug" | "info" | "warn" | "error";
const RANK: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };

// LOG_LEVEL (debug | info | warn | error, default info) sets the threshold.
function enabled(level: Level): boolean {
  const threshold = RANK[(process.env.LOG_LEVEL as Level) ?? "info"] ?? RANK.info;
  return RANK[level] >= threshold;
}

function write(level: Level, message: string, fields: Record<string, unknown> = {}) {
  if (!enabled(level)) return;
  const entry: Record<string, unknown> = { level, time: new Date().toISOString(), message };
  for (const [key, value] of Object.entries(fields)) {
    entry[key] = value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
  }
  const line = JSON.stringify(entry);
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}

export const logger = {
  debug: (message: string, fields?: Record<string, unknown>) => write("debug", message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};
