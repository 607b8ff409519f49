"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { errorMessage } from "@/lib/client/api";
import { useAddGroupMember, type GroupDetail } from "@/lib/client/groups";
import { useMembers } from "@/lib/client/members";
import { loadedItems } from "@/components/ui/query-states";

/** Pick a member of the organization who is not in the group yet, and add them. */
export function AddGroupMemberForm({ org, group }: { org: string; group: GroupDetail }) {
  const people = useMembers(org, "", { limit: 100 });
  const addMember = useAddGroupMember(org, group.id);
  const [userId, setUserId] = useState("");

  const inGroup = new Set(group.members.map((m) => m.userId));
  const candidates = loadedItems(people.data).filter((m) => !inGroup.has(m.userId));
  const selected = candidates.find((m) => m.userId === userId) ?? null;
  const placeholder = people.isPending
    ? "Loading people…"
    : people.isError
      ? "People could not be loaded"
      : candidates.length === 0 && !people.hasNextPage
        ? "Everyone is already in this group"
        : "Choose a person…";

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!selected) return;
    addMember.mutate(
      { userId: selected.userId },
      {
        onSuccess: () => {
          toast.success(`${selected.name} was added to ${group.name}`);
          setUserId("");
        },
        onError: (error) => toast.error(`Could not add ${selected.name} to ${group.name}`, { description: errorMessage(error) }),
      },
    );
  }

  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="min-w-64 flex-1">
        <Select
          label="Person"
          value={selected?.userId ?? ""}
          onChange={(e) => setUserId(e.target.value)}
          disabled={candidates.length === 0}
          error={people.isError ? errorMessage(people.error) : null}
        >
          <option value="">{placeholder}</option>
          {candidates.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name} ({m.email})
            </option>
          ))}
        </Select>
      </div>
      <Button type="submit" disabled={!selected || addMember.isPending}>
        {addMember.isPending ? "Adding…" : "Add to group"}
      </Button>
      {people.hasNextPage ? (
        <Button variant="ghost" onClick={() => people.fetchNextPage()} disabled={people.isFetchingNextPage}>
          {people.isFetchingNextPage ? "Loading…" : "Load more people"}
        </Button>
      ) : null}
    </form>
  );
}
