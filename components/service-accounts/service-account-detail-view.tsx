"use client";

import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { DetailPage, useDeleteAndReturn } from "@/components/ui/detail-page";
import { NameDescriptionForm } from "@/components/ui/name-description-form";
import { DeleteServiceAccountDialog } from "@/components/service-accounts/delete-service-account-dialog";
import { ServiceAccountStatusBadge } from "@/components/service-accounts/service-account-status-badge";
import { ServiceAccountStatusDialog } from "@/components/service-accounts/service-account-status-dialog";
import { ServiceAccountActivityPanel } from "@/components/service-accounts/service-account-activity-panel";
import { ServiceAccountPermissionsPanel } from "@/components/service-accounts/service-account-permissions-panel";
import { ServiceAccountNetworkPanel } from "@/components/service-accounts/service-account-network-panel";
import { ServiceAccountToolsetsPanel } from "@/components/service-accounts/service-account-toolsets-panel";
import { EffectiveAccessPanel } from "@/components/permissions/effective-access-panel";
import { TokensPanel } from "@/components/tokens/tokens-panel";
import { errorMessage } from "@/lib/client/api";
import { formatDateTime, formatRelativeTime } from "@/lib/client/format-relative-time";
import { ACCESS_MODE_LABELS } from "@/lib/client/permissions";
import { useDeleteServiceAccount, useServiceAccount, useUpdateServiceAccount, type ServiceAccount } from "@/lib/client/service-accounts";

type Org = { slug: string; name: string };

const NOUN = { singular: "service account", plural: "service accounts" };

export function ServiceAccountDetailView({ org, serviceAccountId }: { org: Org; serviceAccountId: string }) {
  const listHref = `/${org.slug}/service-accounts`;
  const deleteAccount = useDeleteServiceAccount(org.slug, serviceAccountId);
  const removal = useDeleteAndReturn({ mutation: deleteAccount, noun: NOUN, listHref });
  const account = useServiceAccount(org.slug, serviceAccountId, { enabled: !removal.deleted });

  return (
    <DetailPage query={account} noun={NOUN} listHref={listHref} deleted={removal.deleted}>
      {(current) => (
        <>
          <AccountHeader org={org.slug} account={current} onDelete={() => removal.setConfirming(true)} />
          <AccountFacts account={current} />
          <div className="mt-8 max-w-6xl">
            <TokensPanel
              org={org.slug}
              owner={{ serviceAccountId: current.id }}
              heading="Tokens"
              caption={`Tokens of ${current.name}`}
              emptyMessage="No tokens yet. Create one with New token; it is shown once, right after you create it."
              newTokenDescription={
                <>
                  The token lets a bot act as <strong className="font-medium text-slate-900">{current.name}</strong>. It is shown once, right
                  after you create it.
                  {current.status === "DISABLED" ? " This account is disabled: the token will not work until you enable it." : null}
                </>
              }
            />
          </div>
          <div className="mt-10 max-w-6xl">
            <ServiceAccountToolsetsPanel org={org.slug} account={current} />
          </div>
          <div className="mt-10 max-w-6xl">
            <ServiceAccountPermissionsPanel org={org.slug} account={current} />
          </div>
          <div className="mt-10 max-w-6xl">
            <ServiceAccountNetworkPanel org={org.slug} account={current} />
          </div>
          <div className="mt-10 max-w-6xl">
            <EffectiveAccessPanel org={org.slug} account={current} />
          </div>
          <div className="mt-10 max-w-6xl">
            <ServiceAccountActivityPanel org={org.slug} account={current} />
          </div>
          <DeleteServiceAccountDialog
            account={current}
            open={removal.confirming}
            pending={removal.pending}
            onConfirm={() => removal.confirmDelete(current.name)}
            onClose={() => removal.setConfirming(false)}
          />
        </>
      )}
    </DetailPage>
  );
}

/** The name and description, which Edit turns into a form in place; and the account-wide actions. */
function AccountHeader({ org, account, onDelete }: { org: string; account: ServiceAccount; onDelete: () => void }) {
  const update = useUpdateServiceAccount(org, account.id);
  const [editing, setEditing] = useState(false);
  const [changingStatus, setChangingStatus] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    // Leaving edit mode puts the focus back on Edit, where it came from.
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      editButton.current?.focus();
    }
  }, [editing]);

  function stopEditing() {
    update.reset();
    returnFocus.current = true;
    setEditing(false);
  }

  return (
    <header className="mb-6 max-w-6xl space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight break-all">{account.name}</h1>
          <ServiceAccountStatusBadge status={account.status} />
        </div>
        <div className="flex gap-2">
          {editing ? null : (
            <Button ref={editButton} variant="secondary" onClick={() => setEditing(true)}>
              Edit
            </Button>
          )}
          <Button variant="secondary" onClick={() => setChangingStatus(true)}>
            {account.status === "ACTIVE" ? "Disable" : "Enable"}
          </Button>
          <Button variant="danger" onClick={onDelete}>
            Delete service account
          </Button>
        </div>
      </div>
      {editing ? (
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <NameDescriptionForm
            layout="inline"
            descriptionHint="Optional. What the bot does and who looks after it."
            initial={{ name: account.name, description: account.description }}
            submitLabel="Save"
            pendingLabel="Saving…"
            pending={update.isPending}
            error={update.error}
            onCancel={stopEditing}
            onSubmit={(input) =>
              update.mutate(input, {
                onSuccess: () => {
                  toast.success("Service account saved");
                  stopEditing();
                },
                onError: (error) => toast.error("Could not save the service account", { description: errorMessage(error) }),
              })
            }
          />
        </div>
      ) : (
        <p className={`text-sm whitespace-pre-line ${account.description ? "text-slate-700" : "text-slate-500"}`}>
          {account.description || "No description"}
        </p>
      )}
      {account.status === "DISABLED" ? (
        <p role="status" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          This account is disabled: none of its tokens work. Enable it to bring back every token that is neither revoked nor expired.
        </p>
      ) : null}
      <ServiceAccountStatusDialog org={org} account={account} open={changingStatus} onClose={() => setChangingStatus(false)} />
    </header>
  );
}

function AccountFacts({ account }: { account: ServiceAccount }) {
  const moment = (iso: string) => (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {formatRelativeTime(iso)}
    </time>
  );
  return (
    <dl className="grid max-w-6xl grid-cols-2 gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-4">
      <div>
        <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Active tokens</dt>
        <dd className="mt-1 text-slate-900 tabular-nums">{account.activeTokenCount}</dd>
      </div>
      {account.status === "DISABLED" ? (
        <div>
          <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Suspended tokens</dt>
          <dd className="mt-1 text-slate-900 tabular-nums">{account.suspendedTokenCount}</dd>
        </div>
      ) : null}
      <div>
        <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Last used</dt>
        <dd className="mt-1 text-slate-900">{account.lastUsedAt ? moment(account.lastUsedAt) : "Never"}</dd>
      </div>
      <div>
        <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Access</dt>
        <dd className="mt-1 text-slate-900">{ACCESS_MODE_LABELS[account.accessMode]}</dd>
      </div>
      <div>
        <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Created</dt>
        <dd className="mt-1 text-slate-900">
          {moment(account.createdAt)}
          {account.createdBy ? <span className="text-slate-500"> by {account.createdBy.name}</span> : null}
        </dd>
      </div>
      {account.status === "DISABLED" && account.disabledAt ? (
        <div className="col-span-2 sm:col-span-4">
          <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Disabled</dt>
          <dd className="mt-1 text-slate-900">
            {moment(account.disabledAt)}
            {account.disabledBy ? <span className="text-slate-500"> by {account.disabledBy.name}</span> : null}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
