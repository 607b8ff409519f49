"use client";

import { useId, useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { JsonSchemaDetails } from "@/components/mcp-servers/json-schema-details";
import type { CatalogPrompt, CatalogResource, CatalogResourceTemplate, CatalogTool, McpServerDetail } from "@/lib/client/mcp-servers";

type TabKey = "tools" | "prompts" | "resources" | "resourceTemplates";
const TAB_TITLES: Record<TabKey, string> = { tools: "Tools", prompts: "Prompts", resources: "Resources", resourceTemplates: "Resource templates" };
const TAB_ORDER: TabKey[] = ["tools", "prompts", "resources", "resourceTemplates"];

/**
 * What the server offers, as of its last sync, in four tabs (the WAI-ARIA
 * tabs pattern: arrow keys, Home and End move between tabs; Tab goes into the panel).
 */
export function McpServerCatalog({ server }: { server: McpServerDetail }) {
  const baseId = useId();
  const [selected, setSelected] = useState<TabKey>("tools");
  const tabRefs = useRef(new Map<TabKey, HTMLButtonElement>());
  const counts: Record<TabKey, number> = {
    tools: server.tools.length,
    prompts: server.prompts.length,
    resources: server.resources.length,
    resourceTemplates: server.resourceTemplates.length,
  };

  function onKeyDown(event: React.KeyboardEvent<HTMLButtonElement>) {
    const index = TAB_ORDER.indexOf(selected);
    const next =
      event.key === "ArrowRight"
        ? TAB_ORDER[(index + 1) % TAB_ORDER.length]
        : event.key === "ArrowLeft"
          ? TAB_ORDER[(index - 1 + TAB_ORDER.length) % TAB_ORDER.length]
          : event.key === "Home"
            ? TAB_ORDER[0]
            : event.key === "End"
              ? TAB_ORDER[TAB_ORDER.length - 1]
              : null;
    if (!next) return;
    event.preventDefault();
    setSelected(next);
    tabRefs.current.get(next)?.focus();
  }

  return (
    <section aria-labelledby={`${baseId}-heading`} className="space-y-3">
      <h2 id={`${baseId}-heading`} className="text-lg font-semibold">
        Catalog
      </h2>
      <div role="tablist" aria-labelledby={`${baseId}-heading`} className="flex flex-wrap gap-1 border-b border-slate-200">
        {TAB_ORDER.map((key) => {
          const active = key === selected;
          return (
            <button
              key={key}
              ref={(node) => {
                if (node) tabRefs.current.set(key, node);
                else tabRefs.current.delete(key);
              }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${key}`}
              aria-selected={active}
              aria-controls={`${baseId}-panel-${key}`}
              tabIndex={active ? 0 : -1}
              onClick={() => setSelected(key)}
              onKeyDown={onKeyDown}
              className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
                active ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-800"
              }`}
            >
              {TAB_TITLES[key]} ({counts[key]})
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`${baseId}-panel-${selected}`} aria-labelledby={`${baseId}-tab-${selected}`} tabIndex={0}>
        {selected === "tools" ? (
          <ToolList tools={server.tools} />
        ) : selected === "prompts" ? (
          <PromptList prompts={server.prompts} />
        ) : selected === "resources" ? (
          <ResourceList resources={server.resources} />
        ) : (
          <ResourceTemplateList templates={server.resourceTemplates} />
        )}
      </div>
    </section>
  );
}

function Empty({ children }: { children: React.ReactNode }) {
  return <p className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-8 text-center text-sm text-slate-600">{children}</p>;
}

function CatalogList({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <ul aria-label={label} className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
      {children}
    </ul>
  );
}

function ToolList({ tools }: { tools: CatalogTool[] }) {
  if (!tools.length) return <Empty>This server offers no tools.</Empty>;
  return (
    <CatalogList label="Tools">
      {tools.map((tool) => (
        <li key={tool.id} className="px-4 py-3">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-mono text-sm font-medium break-all text-slate-900">{tool.exposedName}</span>
            {tool.title ? <span className="text-sm text-slate-700">{tool.title}</span> : null}
            <ToolHints annotations={tool.annotations} />
          </div>
          {tool.description ? <p className="mt-1 text-sm whitespace-pre-line text-slate-600">{tool.description}</p> : null}
          <JsonSchemaDetails label="Input schema" schema={tool.inputSchema} />
          {tool.outputSchema ? <JsonSchemaDetails label="Output schema" schema={tool.outputSchema} /> : null}
        </li>
      ))}
    </CatalogList>
  );
}

/** The annotations worth a glance: whether a tool only reads, or may destroy. They are hints from the server, not guarantees. */
export function ToolHints({ annotations }: { annotations: unknown }) {
  const hints = (annotations && typeof annotations === "object" ? annotations : {}) as Record<string, unknown>;
  return (
    <>
      {hints.readOnlyHint === true ? <Badge>Read-only</Badge> : null}
      {hints.destructiveHint === true && hints.readOnlyHint !== true ? <Badge tone="amber">Destructive</Badge> : null}
    </>
  );
}

function PromptList({ prompts }: { prompts: CatalogPrompt[] }) {
  if (!prompts.length) return <Empty>This server offers no prompts.</Empty>;
  return (
    <CatalogList label="Prompts">
      {prompts.map((prompt) => {
        const args = Array.isArray(prompt.arguments) ? (prompt.arguments as { name?: unknown; required?: unknown }[]) : [];
        return (
          <li key={prompt.name} className="px-4 py-3">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-mono text-sm font-medium break-all text-slate-900">{prompt.name}</span>
              {prompt.title ? <span className="text-sm text-slate-700">{prompt.title}</span> : null}
            </div>
            {prompt.description ? <p className="mt-1 text-sm whitespace-pre-line text-slate-600">{prompt.description}</p> : null}
            {args.length ? (
              <p className="mt-1 text-xs text-slate-500">
                Arguments:{" "}
                {args.map((arg, i) => (
                  <span key={i}>
                    {i ? ", " : null}
                    <span className="font-mono text-slate-700">{String(arg.name ?? "")}</span>
                    {arg.required === true ? " (required)" : null}
                  </span>
                ))}
              </p>
            ) : null}
          </li>
        );
      })}
    </CatalogList>
  );
}

function ResourceList({ resources }: { resources: CatalogResource[] }) {
  if (!resources.length) return <Empty>This server offers no resources.</Empty>;
  return (
    <CatalogList label="Resources">
      {resources.map((resource) => (
        <li key={resource.uri} className="px-4 py-3">
          <ResourceHeading address={resource.uri} name={resource.title || resource.name} mimeType={resource.mimeType} />
          {resource.description ? <p className="mt-1 text-sm whitespace-pre-line text-slate-600">{resource.description}</p> : null}
        </li>
      ))}
    </CatalogList>
  );
}

function ResourceTemplateList({ templates }: { templates: CatalogResourceTemplate[] }) {
  if (!templates.length) return <Empty>This server offers no resource templates.</Empty>;
  return (
    <CatalogList label="Resource templates">
      {templates.map((template) => (
        <li key={template.uriTemplate} className="px-4 py-3">
          <ResourceHeading address={template.uriTemplate} name={template.title || template.name} mimeType={template.mimeType} />
          {template.description ? <p className="mt-1 text-sm whitespace-pre-line text-slate-600">{template.description}</p> : null}
        </li>
      ))}
    </CatalogList>
  );
}

function ResourceHeading({ address, name, mimeType }: { address: string; name: string; mimeType: string | null }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="text-sm font-medium text-slate-900">{name}</span>
      <span className="font-mono text-xs break-all text-slate-600">{address}</span>
      {mimeType ? <Badge>{mimeType}</Badge> : null}
    </div>
  );
}
