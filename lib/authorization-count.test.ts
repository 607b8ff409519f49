import { createServer, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stampAuthorizationCount } from "@/lib/authorization-count";
import { toWebRequest } from "@/lib/http/node-adapter";
import { parseBearer } from "@/lib/tokens/parse-bearer";
import { generateServiceToken } from "@/lib/tokens/token-format";

// What the app reads after server.ts, for requests as they arrive on the wire
// (a client library would merge or refuse duplicate headers, so this writes bytes).

let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer((req, res) => {
    stampAuthorizationCount(req);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const viaAdapter = parseBearer(toWebRequest(req, res).headers).kind;
    res.end(JSON.stringify({ server: parseBearer(headers).kind, adapter: viaAdapter }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function send(headerLines: string[]): Promise<{ server: string; adapter: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let data = "";
    socket.on("data", (chunk) => (data += chunk));
    socket.on("end", () => resolve(JSON.parse(data.slice(data.indexOf("\r\n\r\n") + 4).replace(/^[0-9a-f]+\r\n/, "").split("\r\n")[0]!)));
    socket.on("error", reject);
    socket.write(["GET / HTTP/1.1", "Host: localhost", "Connection: close", ...headerLines, "", ""].join("\r\n"));
  });
}

describe("repeated Authorization headers", () => {
  const { token } = generateServiceToken();
  const other = generateServiceToken().token;

  it("reads one Authorization header as the token", async () => {
    expect(await send([`Authorization: Bearer ${token}`])).toEqual({ server: "token", adapter: "token" });
  });

  it("treats two Authorization headers as a malformed credential, not the first one", async () => {
    expect(await send([`Authorization: Bearer ${token}`, `authorization: Bearer ${other}`])).toEqual({ server: "malformed", adapter: "malformed" });
  });

  it("ignores a count header the client forges, either way", async () => {
    expect(await send([`Authorization: Bearer ${token}`, "X-Control-Room-Authorization-Count: 2"])).toEqual({ server: "token", adapter: "token" });
    expect(await send([`Authorization: Bearer ${token}`, `Authorization: Bearer ${token}`, "X-Control-Room-Authorization-Count: 1"])).toEqual({
      server: "malformed",
      adapter: "malformed",
    });
  });
});
