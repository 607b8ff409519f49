"use client";

import { toast } from "sonner";
import { Dialog } from "@/components/ui/dialog";
import { useRevealOnce } from "@/components/ui/secret-reveal";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { OneTimePasswordPanel, type RevealedPassword } from "@/components/members/one-time-password-panel";
import { ApiError, errorMessage } from "@/lib/client/api";
import { forgettableSecret } from "@/lib/client/forgettable-secret";
import { ROLE_LABELS, useAddMember, type Role } from "@/lib/client/members";
import { FormActions, FormError } from "@/components/ui/form-actions";

type Org = { slug: string; name: string };

/**
 * Add a person by email. When the API creates their account, the dialog turns
 * into the one-time password panel; the password lives only in a forgettable
 * box that is emptied when the panel closes.
 */
export function AddMemberDialog({ open, onClose, org, actorRole }: { open: boolean; onClose: () => void; org: Org; actorRole: Role }) {
  const { revealed, setRevealed, close } = useRevealOnce((revealed: RevealedPassword) => revealed.password, onClose);
  return (
    <Dialog
      open={open}
      onClose={close}
      title={revealed ? "Member added" : "Add member"}
      dismissible={!revealed}
      description={revealed ? undefined : "They sign in with their email. Someone without an account gets one, with a one-time password."}
    >
      {revealed ? (
        <OneTimePasswordPanel {...revealed} onDone={close} />
      ) : (
        <AddMemberForm org={org} actorRole={actorRole} onCancel={close} onAdded={close} onAccountCreated={setRevealed} />
      )}
    </Dialog>
  );
}

const FORM_FIELDS = ["email", "name", "role"];

function AddMemberForm({
  org,
  actorRole,
  onCancel,
  onAdded,
  onAccountCreated,
}: {
  org: Org;
  actorRole: Role;
  onCancel: () => void;
  onAdded: () => void;
  onAccountCreated: (revealed: RevealedPassword) => void;
}) {
  const addMember = useAddMember(org.slug);
  const error = addMember.error instanceof ApiError ? addMember.error : null;
  const fieldError = (field: string) => error?.fieldMessage(field) ?? null;
  // Problems that belong to no input (already a member, not allowed, …) show above the buttons.
  const formError = addMember.error && !FORM_FIELDS.some(fieldError) ? errorMessage(addMember.error) : null;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get("name") ?? "").trim();
    const input = { email: String(form.get("email") ?? "").trim(), role: String(form.get("role")) as Role, ...(name ? { name } : {}) };
    addMember.mutate(input, {
      onSuccess: ({ member, oneTimePassword }) => {
        // Forget the response (and any password in it) as soon as it is read.
        addMember.reset();
        toast.success(`${member.name} was added to ${org.name}`);
        if (oneTimePassword) onAccountCreated({ name: member.name, email: member.email, password: forgettableSecret(oneTimePassword) });
        else onAdded();
      },
      onError: (failure) => toast.error("Could not add member", { description: errorMessage(failure) }),
    });
  }

  const roles = (Object.keys(ROLE_LABELS) as Role[]).filter((role) => role !== "OWNER" || actorRole === "OWNER");
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field label="Email" name="email" type="email" autoComplete="off" required error={fieldError("email")} />
      <Field label="Name" name="name" autoComplete="off" hint="Needed when this email has no account yet." error={fieldError("name")} />
      <Select label="Role" name="role" defaultValue="MEMBER" error={fieldError("role")}>
        {roles.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </Select>
      <FormError message={formError} />
      <FormActions submitLabel="Add member" pendingLabel="Adding…" pending={addMember.isPending} onCancel={onCancel} />
    </form>
  );
}
