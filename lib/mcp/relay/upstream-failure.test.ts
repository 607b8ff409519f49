import { describe, expect, it } from "vitest";
import { BlockedAddressError } from "@/lib/mcp/pinned-fetch";
import { connectFailure } from "@/lib/mcp/relay/upstream-failure";

describe("a tools/call refused at connect time", () => {
  it("names UPSTREAM_ALLOWED_NETWORKS for a private address, as a sync does", () => {
    const failure = connectFailure("intranet", new BlockedAddressError("Refused to connect to 10.0.0.5: …", "not_allowed"));
    expect(failure.reason).toBe("blocked");
    expect(failure.message).toBe('Upstream "intranet": its address is loopback or private; an operator can allow its network in UPSTREAM_ALLOWED_NETWORKS');
    // The address itself stays out of the bot's answer (it is in the detail, for the log).
    expect(failure.message).not.toContain("10.0.0.5");
    expect(failure.detail).toContain("10.0.0.5");
  });

  it("says a metadata address is never allowed, rather than pointing at a setting that cannot help", () => {
    const failure = connectFailure("meta", new BlockedAddressError("Refused to connect to 169.254.169.254: …", "never"));
    expect(failure.message).toMatch(/link-local or cloud metadata, which upstreams may never use/);
    expect(failure.message).not.toMatch(/UPSTREAM_ALLOWED_NETWORKS/);
  });
});
