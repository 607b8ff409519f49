"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { Table, Td, Th } from "@/components/ui/table";
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
};

export function MembersTable({ org, members, currentUserId, actorRole, onRemove }: TableProps) {
  return (
    <Table stickyActions caption={`Members of ${org.name}`}>
      <thead className="bg-slate-50">
        <tr>
          <Th>Name</Th>
          <Th>Email</Th>
          <Th>Role</Th>
          <Th>Joined</Th>
          <Th>Status</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {members.map((member) => (
          <MemberRow
            key={member.userId}
            org={org.slug}
            member={member}
            isSelf={member.userId === currentUserId}
            actorRole={actorRole}
            onRemove={() => onRemove(member)}
          />
        ))}
      </tbody>
    </Table>
  );
}

function MemberRow({ org, member, isSelf, actorRole, onRemove }: { org: string; member: Member; isSelf: boolean; actorRole: Role; onRemove: () => void }) {
  const updateRole = useUpdateMemberRole(org);
  // The API refuses an admin who touches an owner; say so before they try.
  const locked = member.role === "OWNER" && actorRole !== "OWNER";
  const lockedReason = locked ? "Only an owner can change or remove an owner" : undefined;

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
    <tr>
      <Td className="font-medium text-slate-900">
        {member.name}
        {isSelf ? <span className="ml-1 font-normal text-slate-500">(you)</span> : null}
      </Td>
      <Td className="text-slate-700">{member.email}</Td>
      <Td>
        <Select
          label={`Role of ${member.name}`}
          hideLabel
          value={draft}
          disabled={locked || updateRole.isPending}
          title={lockedReason}
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
      </Td>
      <Td className="whitespace-nowrap text-slate-700">{formatDate(member.joinedAt)}</Td>
      <Td>{member.disabled ? <Badge tone="red">Disabled</Badge> : <span className="text-slate-500">Active</span>}</Td>
      <Td className="text-right">
        <Button variant="ghost" size="sm" aria-label={`Remove ${member.name}`} disabled={locked} title={lockedReason} onClick={onRemove}>
          Remove
        </Button>
      </Td>
    </tr>
  );
}
