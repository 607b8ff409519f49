"use client";

const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const RELATIVE = new Intl.RelativeTimeFormat(undefined, { numeric: "always" });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

/** "Mar 4, 2026, 3:05 PM" in the reader's locale: the exact moment behind a relative time. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : DATE_TIME.format(date);
}

/**
 * "in 6 days", "3 hours ago", "just now": the distance from now in the largest
 * unit that fits. Always numeric ("in 1 year", not "next year"), because an
 * expiry read as "next year" sounds like January.
 */
export function formatRelativeTime(iso: string, now = Date.now()): string {
  const at = new Date(iso).getTime();
  if (Number.isNaN(at)) return "";
  const diff = at - now;
  const distance = Math.abs(diff);
  if (distance < MINUTE) return diff < 0 ? "just now" : "in less than a minute";
  // Round, then move up a unit when the rounded count fills it: 364.99 days is "1 year", not "12 months".
  const sign = Math.sign(diff);
  const minutes = Math.round(distance / MINUTE);
  if (minutes < 60) return RELATIVE.format(sign * minutes, "minute");
  const hours = Math.round(distance / HOUR);
  if (hours < 24) return RELATIVE.format(sign * hours, "hour");
  const days = Math.round(distance / DAY);
  if (days < 30) return RELATIVE.format(sign * days, "day");
  const months = Math.round(distance / MONTH);
  if (months < 12) return RELATIVE.format(sign * months, "month");
  return RELATIVE.format(sign * Math.max(1, Math.round(distance / YEAR)), "year");
}
