"use client";

import { formatDateTime, formatRelativeTime } from "@/lib/client/format-relative-time";

/** "3 hours ago", with the exact moment in the tooltip and the machine-readable time for assistive tech. */
export function RelativeTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {formatRelativeTime(iso)}
    </time>
  );
}
