import { z } from "zod";

// An ISO 8601 date-time filter (from/to) that PostgreSQL can compare: years
// 1970–9999 in UTC. zod accepts year 0000 and offsets that move a date into
// year 0, which PostgreSQL refuses (22008) and which no event can have anyway.
const MIN = Date.UTC(1970, 0, 1);
const MAX = Date.UTC(10000, 0, 1) - 1;

export const isoDateTimeFilter = (example: string) =>
  z.iso
    .datetime({ offset: true, message: `Must be an ISO 8601 date-time, e.g. ${example}` })
    .refine((value) => {
      const at = new Date(value).getTime();
      return at >= MIN && at <= MAX;
    }, { message: "Must be a date-time between 1970 and 9999" });
