import { orgRoute } from "@/lib/http/org-route";
import { testAddressSchema } from "@/lib/network/contract";
import { testAddress } from "@/lib/network/test-address";

// "Test an address": the verdict and the matching entry of each layer.
export const POST = orgRoute({ permission: "network.read", body: testAddressSchema }, ({ org, body }) => testAddress({ orgId: org.id, ...body }));
