"use client";

import { ErrorState, LoadingState } from "@/components/ui/query-states";
import { AccessModeControl } from "@/components/permissions/access-mode-control";
import type { GranteeKind } from "@/components/permissions/access-mode-radios";
import { LevelHelp } from "@/components/permissions/level-help";
import { ResourcePermissions } from "@/components/permissions/resource-permissions";
import { errorMessage } from "@/lib/client/api";
import { usePermissions, type Grantee } from "@/lib/client/permissions";

type PermissionsEditorProps = {
  org: string;
  /** `{ serviceAccountId }` on an account's page, `{ tokenId }` for an org-wide token. */
  grantee: Grantee;
  kind: GranteeKind;
  /** For captions and toasts: the account's name, or "token alk_svc_…". */
  granteeName: string;
  /** Put the meaning of the levels behind a disclosure (in a dialog). */
  compactHelp?: boolean;
};

/** The access mode and the per-resource grants of an account or an org-wide token; every change saves at once. */
export function PermissionsEditor({ org, grantee, kind, granteeName, compactHelp = false }: PermissionsEditorProps) {
  const permissions = usePermissions(org, grantee);
  if (permissions.isPending) return <LoadingState label="Loading permissions…" />;
  if (permissions.isError) {
    return <ErrorState title="Permissions could not be loaded" detail={errorMessage(permissions.error)} onRetry={() => permissions.refetch()} />;
  }
  const { accessMode, resources } = permissions.data;
  return (
    <div className="space-y-4">
      <AccessModeControl org={org} grantee={grantee} kind={kind} granteeName={granteeName} accessMode={accessMode} />
      <LevelHelp collapsed={compactHelp} />
      <ResourcePermissions org={org} grantee={grantee} kind={kind} granteeName={granteeName} accessMode={accessMode} resources={resources} />
    </div>
  );
}
