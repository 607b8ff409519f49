import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/shell/page-header";

/** An honest placeholder for a section that is not built yet: what will live here, no fake data. */
export function ComingSoonPage({ title, description, details }: { title: string; description: string; details: string }) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <EmptyState title={`${title} is not available yet`}>
        <p>{details}</p>
      </EmptyState>
    </>
  );
}
