import { describe, expectTypeOf, it } from "vitest";
import type { Member } from "@/lib/client/members";
import type { ServiceToken } from "@/lib/client/service-tokens";
import type { TokenView } from "@/lib/tokens/contract";

// Checked by `npm run typecheck`: the browser's types are the server's views, not copies of them.
describe("lib/client types come from the domain contracts", () => {
  it("a token in the browser is the server's TokenView", () => {
    expectTypeOf<ServiceToken>().toEqualTypeOf<TokenView>();
  });

  it("a field the server view does not have is an error where a component reads it", () => {
    const read = (member: Member) =>
      // @ts-expect-error a renamed or dropped field of MemberView breaks every reader's build
      member.joinedOn;
    expectTypeOf(read).toBeFunction();
  });
});
