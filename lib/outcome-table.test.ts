import { describe, expect, it } from "vitest";
import { answerOutcome, type OutcomeTable } from "@/lib/outcome-table";

type Outcome = { kind: "ok"; value: number } | { kind: "late"; seconds: number } | { kind: "gone" };

const TABLE = {
  ok: ({ value }) => `ok ${value}`,
  late: ({ seconds }) => `retry in ${seconds} s`,
  gone: () => "gone",
} satisfies OutcomeTable<Outcome, string>;

describe("answerOutcome", () => {
  it("answers each outcome with its own kind's entry, given that outcome", () => {
    expect(answerOutcome<Outcome, string>(TABLE, { kind: "ok", value: 3 })).toBe("ok 3");
    expect(answerOutcome<Outcome, string>(TABLE, { kind: "late", seconds: 5 })).toBe("retry in 5 s");
    expect(answerOutcome<Outcome, string>(TABLE, { kind: "gone" })).toBe("gone");
  });

  it("refuses, at compile time, a table that misses a kind", () => {
    // @ts-expect-error "gone" has no entry
    const partial: OutcomeTable<Outcome, string> = { ok: () => "", late: () => "" };
    expect(Object.keys(partial)).toHaveLength(2);
  });
});
