import { MAX_LIFETIME_MS, MIN_LIFETIME_MS } from "@/lib/tokens/token-lifetime";

const MINUTE = 60 * 1000;

/**
 * The datetime-local range offered (1 hour to 1 year from now, in the
 * reader's time zone), rounded inwards to whole minutes with a minute to
 * spare, so the earliest and latest choice still hold when the form is sent
 * a little later. The API's bounds are exact.
 */
export function customDateBounds(now = Date.now()): { min: string; max: string } {
  const earliest = Math.ceil((now + MIN_LIFETIME_MS) / MINUTE) * MINUTE + MINUTE;
  const latest = Math.floor((now + MAX_LIFETIME_MS) / MINUTE) * MINUTE - MINUTE;
  return { min: toLocalInputValue(new Date(earliest)), max: toLocalInputValue(new Date(latest)) };
}

/** What is wrong with a custom expiry, checked against the clock when the form is sent; null when it is fine. */
export function customExpiryProblem(at: Date | null, now = Date.now()): string | null {
  if (!at || Number.isNaN(at.getTime())) return "Choose the date and time the token stops working.";
  if (at.getTime() - now < MIN_LIFETIME_MS) return `Choose a time at least 1 hour from now (${toLocalInputValue(new Date(now + MIN_LIFETIME_MS + MINUTE)).replace("T", " ")} or later).`;
  if (at.getTime() - now > MAX_LIFETIME_MS) return "Choose a time at most 1 year from now.";
  return null;
}

/** A date as a datetime-local input value (minutes, the reader's time zone). */
export function toLocalInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
