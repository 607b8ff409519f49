import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/read-json-body";

const post = (body: BodyInit, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new Request("http://x/", { method: "POST", body, headers, duplex: "half" } as RequestInit);

async function codeOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return (error as AppError).code;
  }
  return "no error";
}

describe("readJsonBody", () => {
  it("parses JSON", async () => {
    expect(await readJsonBody(post('{"a":1}'))).toEqual({ a: 1 });
  });

  it("refuses a body over the limit even without a Content-Length", async () => {
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 3; i++) controller.enqueue(new Uint8Array(600));
        controller.close();
      },
    });
    expect(await codeOf(readJsonBody(post(stream), 1024))).toBe("payload_too_large");
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    const req = post("{}", { "content-type": "application/json", "content-length": String(2 * 1024 * 1024) });
    expect(await codeOf(readJsonBody(req))).toBe("payload_too_large");
  });

  it("names malformed JSON and a wrong content type", async () => {
    expect(await codeOf(readJsonBody(post("{nope")))).toBe("bad_request");
    expect(await codeOf(readJsonBody(post("{}", { "content-type": "text/plain" })))).toBe("bad_request");
  });
});
