"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Dialog } from "@/components/ui/dialog";
import { NameDescriptionForm } from "@/components/ui/name-description-form";
import { errorMessage } from "@/lib/client/api";
import { useCreateServiceAccount } from "@/lib/client/service-accounts";
import { useSubmission } from "@/lib/client/use-submission";

/** Creates the account and opens its page, where its first token is one click away. */
export function CreateServiceAccountDialog({ org, open, onClose }: { org: string; open: boolean; onClose: () => void }) {
  const router = useRouter();
  const createAccount = useCreateServiceAccount(org);
  const submission = useSubmission();
  const close = () => {
    createAccount.reset();
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title="New service account"
      description="A bot identity for a CI job or an agent. It starts with no tokens and no access."
    >
      <NameDescriptionForm
        nameHint="Up to 64 characters, unique in the organization, e.g. “ci-deploy”."
        descriptionHint="Optional. What the bot does and who looks after it."
        submitLabel="Create service account"
        pendingLabel="Creating…"
        pending={createAccount.isPending}
        error={createAccount.error}
        onCancel={close}
        onSubmit={(input) => {
          const idempotencyKey = submission.start();
          if (!idempotencyKey) return;
          createAccount.mutate({ ...input, idempotencyKey }, {
            onSuccess: (account) => {
              submission.succeeded();
              toast.success(`Service account “${account.name}” created`);
              close();
              router.push(`/${org}/service-accounts/${account.id}`);
            },
            onError: (error) => {
              submission.failed();
              toast.error("Could not create the service account", { description: errorMessage(error) });
            },
          });
        }}
      />
    </Dialog>
  );
}
