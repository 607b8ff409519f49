"use client";

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/** "Mar 4, 2026" in the reader's locale, from an ISO timestamp of the API. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : DATE.format(date);
}
