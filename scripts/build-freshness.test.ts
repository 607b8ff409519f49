import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { reasonToBuild } from "./build-freshness.mjs";

// `npm start` serving a build older than the sources next to it (issue: a stale build).

let root: string;
const write = (file: string, secondsAgo: number) => {
  const full = path.join(root, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, "x");
  const when = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(full, when, when);
};

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("whether npm start builds first", () => {
  it("builds when there is no build", () => {
    root = mkdtempSync(path.join(tmpdir(), "cr-build-"));
    write("app/page.tsx", 60);
    expect(reasonToBuild(root)).toBe("no production build yet");
  });

  it("serves the build when nothing changed after it", () => {
    root = mkdtempSync(path.join(tmpdir(), "cr-build-"));
    write("app/page.tsx", 60);
    write("lib/orgs/get-org-access.ts", 60);
    write(".next/BUILD_ID", 10);
    expect(reasonToBuild(root)).toBeNull();
  });

  it("rebuilds when a source changed after the build, naming the file", () => {
    root = mkdtempSync(path.join(tmpdir(), "cr-build-"));
    write(".next/BUILD_ID", 60);
    write("app/page.tsx", 120);
    write("lib/orgs/get-org-access.ts", 5);
    expect(reasonToBuild(root)).toBe(`${path.join("lib", "orgs", "get-org-access.ts")} changed after the last build`);
  });

  it("ignores what the build writes itself and test files", () => {
    root = mkdtempSync(path.join(tmpdir(), "cr-build-"));
    write("app/page.tsx", 120);
    write(".next/BUILD_ID", 60);
    write("lib/generated/prisma/client.ts", 5);
    write("lib/orgs/org-slug.test.ts", 5);
    expect(reasonToBuild(root)).toBeNull();
  });
});
