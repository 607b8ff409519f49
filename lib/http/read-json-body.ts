import { AppError } from "@/lib/errors";
import { assertStorableInput } from "@/lib/storable-input";

export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads a JSON body of at most `maxBytes`, counting bytes as they arrive (Content-Length can lie or be absent). */
export async function readJsonBody(req: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return undefined;
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  if (size === 0) return undefined;
  const contentType = req.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new AppError("bad_request", "Send the body as JSON with Content-Type: application/json");
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON");
  }
  // NUL and unpaired surrogates: a 400 naming the field, never a database error.
  assertStorableInput(body);
  return body;
}

function tooLarge(maxBytes: number) {
  return new AppError("payload_too_large", `The request body is larger than ${maxBytes / 1024 / 1024} MB`);
}
