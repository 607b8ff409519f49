// Outcome unions ({ kind: … }) are mapped to a wire format through tables
// with one entry per kind, declared `satisfies OutcomeTable<…>`: adding a kind
// to a union breaks the build of every adapter that maps it, instead of
// falling through a switch to some default.

/** One handler per kind of the union U, each given the outcome of its own kind. */
export type OutcomeTable<U extends { kind: string }, R> = { [K in U["kind"]]: (outcome: Extract<U, { kind: K }>) => R };

/** The table's answer for this outcome. */
export function answerOutcome<U extends { kind: string }, R>(table: OutcomeTable<U, R>, outcome: U): R {
  return (table[outcome.kind as U["kind"]] as (outcome: U) => R)(outcome);
}
