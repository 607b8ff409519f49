"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Dialog } from "@/components/ui/dialog";
import { CodeField, Field } from "@/components/ui/field";
import { checkHeaderRows, headerProblems, HeadersEditor, type HeaderRow } from "@/components/mcp-servers/headers-editor";
import { TimeoutField } from "@/components/mcp-servers/timeout-field";
import { checkTimeoutSeconds, DEFAULT_TIMEOUT_SECONDS } from "@/components/mcp-servers/timeout";
import { ApiError, errorMessage } from "@/lib/client/api";
import { useCreateMcpServer } from "@/lib/client/mcp-servers";
import { FormActions, FormError } from "@/components/ui/form-actions";

/** Registers an upstream (the API syncs it before answering) and opens its page. */
export function RegisterMcpServerDialog({ org, open, onClose }: { org: string; open: boolean; onClose: () => void }) {
  const router = useRouter();
  const createServer = useCreateMcpServer(org);
  const close = () => {
    createServer.reset();
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={createServer.isPending ? () => {} : close}
      title="Register MCP server"
      description="The gateway connects to the server and collects its tools, prompts and resources into the catalog."
    >
      <RegisterForm
        pending={createServer.isPending}
        error={createServer.error}
        onCancel={close}
        onSubmit={(input) =>
          createServer.mutate(input, {
            onSuccess: (server) => {
              if (server.health === "ERROR") {
                toast.warning(`${server.name} was registered, but its first sync failed`, { description: server.lastError ?? undefined });
              } else {
                toast.success(`${server.name} registered with ${server.toolCount === 1 ? "1 tool" : `${server.toolCount} tools`}`);
              }
              close();
              router.push(`/${org}/mcp-servers/${server.id}`);
            },
            onError: (error) => toast.error("Could not register the server", { description: errorMessage(error) }),
          })
        }
      />
    </Dialog>
  );
}

/** "GitHub Enterprise" → "github-enterprise": what the API accepts as a slug, at most 32 characters. */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 32)
    .replace(/-+$/, "");
}

type RegisterInput = { name: string; slug: string; url: string; headers: Record<string, string>; timeoutMs: number };
type RegisterFormProps = { pending: boolean; error: unknown; onSubmit: (input: RegisterInput) => void; onCancel: () => void };

function RegisterForm({ pending, error, onSubmit, onCancel }: RegisterFormProps) {
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  // The slug follows the name until the person edits it.
  const [slugEdited, setSlugEdited] = useState(false);
  const [url, setUrl] = useState("");
  const [timeout, setTimeoutSeconds] = useState(String(DEFAULT_TIMEOUT_SECONDS));
  const [rows, setRows] = useState<HeaderRow[]>([]);
  const [checked, setChecked] = useState<{ timeout: string | null; rows: Map<number, string> } | null>(null);

  const problem = error instanceof ApiError ? error : null;
  const conflict = problem?.status === 409 ? problem.detail : null;
  // A duplicate is a 409 without a field list: it belongs under the slug or the name, whichever it names.
  const nameError = problem?.fieldMessage("name") ?? (conflict && !/slug/i.test(conflict) ? conflict : null);
  const slugError = problem?.fieldMessage("slug") ?? (conflict && /slug/i.test(conflict) ? conflict : null);
  const urlError = problem?.fieldMessage("url") ?? null;
  const apiTimeoutError = problem?.fieldMessage("timeoutMs") ?? null;
  const apiHeaders = headerProblems(problem, rows);
  const fieldShown = Boolean(nameError || slugError || urlError || apiTimeoutError || apiHeaders.setError || apiHeaders.rowErrors.size);
  const formError = error && !fieldShown ? errorMessage(error) : null;
  const rowErrors = new Map([...apiHeaders.rowErrors, ...(checked?.rows ?? [])]);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const timeoutCheck = checkTimeoutSeconds(timeout);
    const headersCheck = checkHeaderRows(rows);
    setChecked({ timeout: timeoutCheck.error, rows: headersCheck.rowErrors });
    if (timeoutCheck.error || headersCheck.rowErrors.size) return;
    onSubmit({ name: name.trim(), slug: slug.trim(), url: url.trim(), headers: headersCheck.headers, timeoutMs: timeoutCheck.ms });
  }

  const shownSlug = slug.trim() || "<slug>";
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Field
        label="Name"
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          if (!slugEdited) setSlug(slugify(e.target.value));
        }}
        maxLength={64}
        autoComplete="off"
        required
        error={nameError}
      />
      <CodeField
        label="Slug"
        value={slug}
        onChange={(e) => {
          setSlugEdited(true);
          setSlug(e.target.value);
        }}
        maxLength={32}
        required
        hint={`Tools appear as ${shownSlug}__<tool>. Lowercase letters, digits and hyphens; it cannot be changed later.`}
        error={slugError}
      />
      <Field
        label="URL"
        type="url"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        placeholder="https://mcp.example.com/mcp"
        maxLength={2048}
        autoComplete="off"
        spellCheck={false}
        required
        hint="The server's Streamable HTTP endpoint. Put API keys in headers, not in the URL."
        error={urlError}
      />
      <TimeoutField value={timeout} onChange={setTimeoutSeconds} error={checked?.timeout ?? apiTimeoutError} />
      <HeadersEditor
        legend="Headers"
        hint="Optional. Sent with every request to the server, for example an API key. Values are write-only: they are never shown again."
        rows={rows}
        onChange={setRows}
        rowErrors={rowErrors}
        error={apiHeaders.setError}
        disabled={pending}
      />
      <FormError message={formError} />
      <FormActions submitLabel="Register server" pendingLabel="Registering…" spinner pending={pending} onCancel={onCancel} />
    </form>
  );
}
