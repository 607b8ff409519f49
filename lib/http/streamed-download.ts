/**
 * A file download produced while it is sent: each pull takes one chunk from
 * the generator, so memory holds one chunk, and a client that goes away
 * stops the generator (and its queries) through cancel.
 */
export function streamedDownload(chunks: AsyncGenerator<string>, { contentType, filename }: { contentType: string; filename: string }): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: { "Content-Type": contentType, "Content-Disposition": `attachment; filename="${filename}"` },
  });
}
