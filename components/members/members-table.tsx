"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { DataTable } from "@/components/ui/table";
import { errorMessage } from "@/lib/client/api";
import { formatDate } from "@/lib/client/format-date";
import { ROLE_LABELS, useUpdateMemberRole, type Member, type Role } from "@/lib/client/members";

const ROLE_PHRASES: Record<Role, string> = { OWNER: "an owner", ADMIN: "an admin", MEMBER: "a member" };

type TableProps = {
  org: { slug: string; name: string };
  members: Member[];
  currentUserId: string;
  actorRole: Role;
  onRemove: (member: Member) => void;
  sort: string;
  onSort: (sort: string) => void;
};

export function MembersTable({ org, members, currentUserId, actorRole, onRemove, sort, onSort }: TableProps) {
  return (
    <DataTable
      caption={`Members of ${org.name}`}
      rows={members}
      rowKey={(member) => member.userId}
      sort={sort}
      onSort={onSort}
      columns={[
        {
          header: "Name",
          className: "font-medium text-slate-900",
          cell: (member) => (
            <>
              {member.name}
              {member.userId === currentUserId ? <span className="ml-1 font-normal text-slate-500">(you)</span> : null}
            </>
          ),
        },
        { header: "Email", sortBy: { ascending: "email", descending: "-email" }, className: "text-slate-700", cell: (member) => member.email },
        { header: "Role", cell: (member) => <RoleCell org={org.slug} member={member} actorRole={actorRole} /> },
        { header: "Joined", sortBy: { ascending: "oldest", descending: "newest", first: "descending" }, className: "whitespace-nowrap text-slate-700", cell: (member) => formatDate(member.joinedAt) },
        { header: "Status", cell: (member) => (member.disabled ? <Badge tone="red">Disabled</Badge> : <span className="text-slate-500">Active</span>) },
      ]}
      actions={(member) => (
        <Button variant="ghost" size="sm" aria-label={`Remove ${member.name}`} disabled={ownerLocked(member, actorRole)} title={lockedReason(member, actorRole)} onClick={() => onRemove(member)}>
          Remove
        </Button>
      )}
    />
  );
}

// The API refuses an admin who touches an owner; say so before they try.
const ownerLocked = (member: Member, actorRole: Role) => member.role === "OWNER" && actorRole !== "OWNER";
const lockedReason = (member: Member, actorRole: Role) => (ownerLocked(member, actorRole) ? "Only an owner can change or remove an owner" : undefined);

function RoleCell({ org, member, actorRole }: { org: string; member: Member; actorRole: Role }) {
  const updateRole = useUpdateMemberRole(org);
  const locked = ownerLocked(member, actorRole);

  // A draft until Save: an arrow key on the select must not promote anyone.
  const [draft, setDraft] = useState<Role>(member.role);
  // A saved change (here or elsewhere) starts a fresh draft; adjusted while rendering, not in an effect.
  const [saved, setSaved] = useState<Role>(member.role);
  if (saved !== member.role) {
    setSaved(member.role);
    setDraft(member.role);
  }

  function changeRole(role: Role) {
    // The promise, not mutate's callbacks: the saved role re-keys this row, and
    // per-call callbacks of a component that has unmounted never run.
    updateRole.mutateAsync({ userId: member.userId, role }).then(
      () => toast.success(`${member.name} is now ${ROLE_PHRASES[role]}`),
      (error) => toast.error(`Could not change ${member.name}’s role`, { description: errorMessage(error) }),
    );
  }

  return (
    <>
      <Select
        label={`Role of ${member.name}`}
        hideLabel
        value={draft}
        disabled={locked || updateRole.isPending}
        title={lockedReason(member, actorRole)}
        onChange={(e) => setDraft(e.target.value as Role)}
        className="w-32 py-1"
      >
        {(Object.keys(ROLE_LABELS) as Role[]).map((role) => (
          <option key={role} value={role} disabled={role === "OWNER" && actorRole !== "OWNER"}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </Select>
      {draft !== member.role ? (
        <div className="mt-1 flex gap-1">
          <Button size="sm" aria-label={`Save role of ${member.name}`} disabled={updateRole.isPending} onClick={() => changeRole(draft)}>
            {updateRole.isPending ? "Saving…" : "Save"}
          </Button>
          <Button variant="ghost" size="sm" aria-label={`Cancel the role change of ${member.name}`} disabled={updateRole.isPending} onClick={() => setDraft(member.role)}>
            Cancel
          </Button>
        </div>
      ) : null}
    </>
  );
}
