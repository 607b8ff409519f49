"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorState, LoadingState } from "@/components/ui/query-states";
import { ApiError, errorMessage } from "@/lib/client/api";

/** What a detail page is about, in the words its states use: "group", "groups". */
export type DetailNoun = { singular: string; plural: string };

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

type DetailQuery<T> = { isPending: boolean; isError: boolean; error: unknown; data: T | undefined; refetch: () => unknown };

type DetailPageProps<T> = {
  query: DetailQuery<T>;
  noun: DetailNoun;
  listHref: string;
  /** Set once the thing is deleted: the page says so while it returns to the list. */
  deleted?: boolean;
  /** What the page says once deleted, where "<Noun> deleted." is not the word ("Server deleted."). */
  deletedLabel?: string;
  /** Classes of a box around the loaded page (its back link included). */
  className?: string;
  children: (data: T) => React.ReactNode;
};

/**
 * The frame of a page about one thing: a link back to its list, then the
 * thing once loaded; a 404 says it is not there, any other failure offers a retry.
 */
export function DetailPage<T>({ query, noun, listHref, deleted = false, deletedLabel, className, children }: DetailPageProps<T>) {
  const back = (
    <Link href={listHref} className="mb-4 inline-block text-sm font-medium text-indigo-700 hover:underline">
      ← All {noun.plural}
    </Link>
  );

  if (deleted) return <LoadingState label={`${deletedLabel ?? `${capitalize(noun.singular)} deleted.`} Returning to the list of ${noun.plural}…`} />;
  if (query.isPending) {
    return (
      <>
        {back}
        <LoadingState label={`Loading ${noun.singular}…`} />
      </>
    );
  }
  if (query.isError || query.data === undefined) {
    const notFound = query.error instanceof ApiError && query.error.status === 404;
    return (
      <>
        {back}
        {notFound ? (
          <div role="alert" className="rounded-lg border border-slate-200 bg-white px-6 py-10 text-center">
            <h1 className="text-xl font-semibold">{capitalize(noun.singular)} not found</h1>
            <p className="mt-2 text-sm text-slate-600">It may have been deleted, or the link is wrong.</p>
          </div>
        ) : (
          <ErrorState title={`The ${noun.singular} could not be loaded`} detail={errorMessage(query.error)} onRetry={() => query.refetch()} />
        )}
      </>
    );
  }
  const content = (
    <>
      {back}
      {children(query.data)}
    </>
  );
  return className ? <div className={className}>{content}</div> : content;
}

type DeleteMutation = { mutate: (variables: undefined, callbacks: { onSuccess: () => void; onError: (error: unknown) => void }) => void; isPending: boolean };

/**
 * Delete from a detail page, behind a confirmation: on success the page shows
 * `deleted` (its query stops) and goes back to the list; on failure the dialog closes with a toast.
 */
export function useDeleteAndReturn({ mutation, noun, listHref }: { mutation: DeleteMutation; noun: DetailNoun; listHref: string }) {
  const router = useRouter();
  const [deleted, setDeleted] = useState(false);
  const [confirming, setConfirming] = useState(false);

  function confirmDelete(name: string) {
    mutation.mutate(undefined, {
      onSuccess: () => {
        setDeleted(true);
        toast.success(`${capitalize(noun.singular)} “${name}” deleted`);
        router.push(listHref);
      },
      onError: (error) => {
        setConfirming(false);
        toast.error(`Could not delete ${name}`, { description: errorMessage(error) });
      },
    });
  }

  return { deleted, confirming, setConfirming, confirmDelete, pending: mutation.isPending };
}

export type DeleteAndReturn = ReturnType<typeof useDeleteAndReturn>;

/** The header of a thing that is a name and a description, with Edit and Delete. */
export function EditableHeader({ name, description, deleteLabel, onEdit, onDelete }: { name: string; description: string; deleteLabel: string; onEdit: () => void; onDelete: () => void }) {
  return (
    <PageHeader
      title={name}
      description={description || "No description"}
      actions={
        <>
          <Button variant="secondary" onClick={onEdit}>
            Edit
          </Button>
          <Button variant="danger" onClick={onDelete}>
            {deleteLabel}
          </Button>
        </>
      }
    />
  );
}

/** "Delete <name>?" for useDeleteAndReturn; the children say what goes with it. */
export function ConfirmDeleteDialog({ removal, name, confirmLabel, children }: { removal: DeleteAndReturn; name: string; confirmLabel: string; children: React.ReactNode }) {
  return (
    <ConfirmDialog
      open={removal.confirming}
      title={`Delete ${name}?`}
      confirmLabel={confirmLabel}
      pendingLabel="Deleting…"
      pending={removal.pending}
      onConfirm={() => removal.confirmDelete(name)}
      onClose={() => removal.setConfirming(false)}
    >
      {children}
    </ConfirmDialog>
  );
}
