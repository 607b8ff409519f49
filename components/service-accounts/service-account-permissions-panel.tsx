"use client";

import { useId } from "react";
import { PermissionsEditor } from "@/components/permissions/permissions-editor";
import type { ServiceAccount } from "@/lib/client/service-accounts";

/** The account's access mode and grants; they apply to every token of the account. */
export function ServiceAccountPermissionsPanel({ org, account }: { org: string; account: ServiceAccount }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <div>
        <h2 id={headingId} className="text-lg font-semibold">
          Permissions
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          What {account.name}&apos;s tokens may do besides the toolsets above. A change takes effect when you save it, from the next request.
        </p>
      </div>
      <PermissionsEditor org={org} grantee={{ serviceAccountId: account.id }} kind="account" granteeName={account.name} />
    </section>
  );
}
