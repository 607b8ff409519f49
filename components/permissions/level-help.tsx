const MEANINGS: { term: string; meaning: string }[] = [
  {
    term: "MCP server: Read",
    meaning: "See the server and its catalog in the admin API; list and read its prompts and resources over MCP.",
  },
  {
    term: "MCP server: Write",
    meaning: "Also call every tool of that server over MCP, and update, sync, disable or delete it through the API.",
  },
  { term: "Toolset: Read", meaning: "See it in the admin API." },
  { term: "Toolset: Write", meaning: "Also edit its tools, name and description." },
  { term: "Full Access", meaning: "Write on every MCP server and toolset of the organization, present and future." },
];

/** What Read and Write mean on each kind of resource. `collapsed` puts it behind a disclosure, for dialogs short on room. */
export function LevelHelp({ collapsed = false }: { collapsed?: boolean }) {
  const list = (
    <dl className="grid gap-x-4 gap-y-1 text-xs text-slate-600 sm:grid-cols-[max-content_1fr]">
      {MEANINGS.map(({ term, meaning }) => (
        <div key={term} className="contents">
          <dt className="font-semibold text-slate-700">{term}</dt>
          <dd>{meaning}</dd>
        </div>
      ))}
    </dl>
  );
  if (!collapsed) return <div className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2">{list}</div>;
  return (
    <details className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
      <summary className="cursor-pointer text-xs font-medium text-slate-700">What Read and Write mean</summary>
      <div className="mt-2">{list}</div>
    </details>
  );
}
