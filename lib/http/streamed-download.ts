import { logger } from "@/lib/logger";

/**
 * A file download produced while it is sent: each pull takes one chunk from
 * the generator, so memory holds one chunk, and a client that goes away
 * stops the generator (and its queries) through cancel.
 */
export function streamedDownload(chunks: AsyncGenerator<string>, { contentType, filename }: { contentType: string; filename: string }): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        // The status line is long gone: the client sees a cut-off download, the log says why.
        logger.error("streamed download failed", { filename, error });
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: { "Content-Type": contentType, "Content-Disposition": `attachment; filename="${filename}"` },
  });
}
