import { z } from "zod";
import { serviceAccountIdFilter } from "@/lib/ids";
import { isoDateTimeFilter } from "@/lib/iso-date-time";

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** The longest window a summary covers: usage retention tops out near there anyway. */
export const MAX_SUMMARY_DAYS = 90;


/** The window of an activity summary: from (inclusive) and to (exclusive), default the last 24 hours. */
export const activitySummaryQuerySchema = z
  .object({
    from: isoDateTimeFilter("2026-11-22T00:00:00Z").optional(),
    to: isoDateTimeFilter("2026-11-23T00:00:00Z").optional(),
    serviceAccountId: serviceAccountIdFilter.optional(),
  })
  .transform(({ from, to, serviceAccountId }) => {
    const end = to ? new Date(to) : new Date(Math.ceil(Date.now() / HOUR_MS) * HOUR_MS);
    const start = from ? new Date(from) : new Date(end.getTime() - DAY_MS);
    return { from: start, to: end, serviceAccountId };
  })
  .refine((q) => q.from < q.to, { message: "from must be before to", path: ["to"] })
  .refine((q) => q.to.getTime() - q.from.getTime() <= MAX_SUMMARY_DAYS * DAY_MS, {
    message: `The window can span at most ${MAX_SUMMARY_DAYS} days`,
    path: ["from"],
  });

export type ActivitySummaryQuery = z.infer<typeof activitySummaryQuerySchema>;
