import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/client/api";

/** What a list shows while its first page loads. */
export function LoadingState({ label }: { label: string }) {
  return (
    <div role="status" className="rounded-lg border border-slate-200 bg-white px-6 py-10 text-center text-sm text-slate-600">
      {label}
    </div>
  );
}

/** A failed load: the problem's detail, and a way to try again. */
export function ErrorState({ title, detail, onRetry }: { title: string; detail: string; onRetry?: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-6 py-8 text-center">
      <h2 className="text-base font-semibold text-red-800">{title}</h2>
      <p className="mt-1 text-sm text-red-700">{detail}</p>
      {onRetry ? (
        <Button variant="secondary" size="sm" className="mt-4" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </div>
  );
}

/** "Load more" under a paginated list, while the API has a next cursor. */
export function LoadMore({ hasMore, loading, onLoadMore }: { hasMore: boolean; loading: boolean; onLoadMore: () => void }) {
  if (!hasMore) return null;
  return (
    <div className="mt-4 flex justify-center">
      <Button variant="secondary" onClick={onLoadMore} disabled={loading}>
        {loading ? "Loading…" : "Load more"}
      </Button>
    </div>
  );
}

type ListQuery = { isPending: boolean; isError: boolean; error: unknown; data: unknown; refetch: () => unknown };
type PagedQuery = ListQuery & { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };

type QueryListProps = {
  query: ListQuery | PagedQuery;
  loadingLabel: string;
  errorTitle: string;
  /** True when the loaded list has no rows: `empty` shows instead of the list. */
  isEmpty: boolean;
  empty: React.ReactNode;
  children: React.ReactNode;
};

/**
 * A list's states in order: loading, failed, empty, then the list. A paged
 * (infinite) query keeps the pages it has when a later one fails, and gets Load more.
 */
export function QueryList({ query, loadingLabel, errorTitle, isEmpty, empty, children }: QueryListProps) {
  const paged = "fetchNextPage" in query;
  if (query.isPending) return <LoadingState label={loadingLabel} />;
  if (query.isError && !(paged && query.data)) return <ErrorState title={errorTitle} detail={errorMessage(query.error)} onRetry={() => query.refetch()} />;
  if (isEmpty) return <>{empty}</>;
  if (!paged) return <>{children}</>;
  return (
    <>
      {children}
      <LoadMore hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onLoadMore={() => query.fetchNextPage()} />
    </>
  );
}

/** Every row an infinite query has loaded so far, page after page. */
export function loadedItems<Item>(data: { pages: { items: Item[] }[] } | undefined): Item[] {
  return data?.pages.flatMap((page) => page.items) ?? [];
}
