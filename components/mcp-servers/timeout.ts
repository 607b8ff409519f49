// The API takes milliseconds (1 000 to 300 000); people think in seconds.
export const DEFAULT_TIMEOUT_SECONDS = 60;
export const TIMEOUT_HINT = "How long one request to the server may take, 1 to 300 seconds.";

export function checkTimeoutSeconds(text: string): { ms: number; error: string | null } {
  const seconds = Number(text.trim());
  if (!text.trim() || !Number.isInteger(seconds) || seconds < 1 || seconds > 300) {
    return { ms: 0, error: "Enter a whole number of seconds from 1 to 300" };
  }
  return { ms: seconds * 1000, error: null };
}

/** 60000 → "60": the field shows whole seconds (the API's minimum is one second). */
export const timeoutSecondsText = (ms: number) => String(Math.round(ms / 1000));
