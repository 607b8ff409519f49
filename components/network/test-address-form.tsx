"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { CodeField } from "@/components/ui/field";
import { ServiceAccountSelect } from "@/components/service-accounts/service-account-select";
import { ApiError, errorMessage } from "@/lib/client/api";
import { useTestAddress, type AddressTestResult, type LayerVerdict } from "@/lib/client/network";
import { FormError } from "@/components/ui/form-actions";


type TestAddressFormProps = {
  org: string;
  /** On a service account's page: always test against this account's layer too, with no picker. */
  serviceAccount?: { id: string; name: string };
};

/** Would a token call from this address pass? The verdict and, per layer, the entry that matched. */
export function TestAddressForm({ org, serviceAccount }: TestAddressFormProps) {
  const test = useTestAddress(org);
  const ipId = useId();
  const [ip, setIp] = useState("");
  const [pickedAccountId, setPickedAccountId] = useState("");
  const [missing, setMissing] = useState(false);
  const error = test.error instanceof ApiError ? test.error : null;
  const ipError = missing ? "Enter an IPv4 or IPv6 address." : (error?.fieldMessage("ip") ?? null);
  const formError = test.error && !ipError ? errorMessage(test.error) : null;
  const serviceAccountId = serviceAccount?.id ?? pickedAccountId;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const address = ip.trim();
    if (!address) {
      setMissing(true);
      test.reset();
      document.getElementById(ipId)?.focus();
      return;
    }
    setMissing(false);
    test.mutate({ ip: address, ...(serviceAccountId ? { serviceAccountId } : {}) }, { onError: () => document.getElementById(ipId)?.focus() });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <div className="grid gap-4 sm:grid-cols-[minmax(0,16rem)_minmax(0,16rem)_auto] sm:items-start">
        <CodeField
          id={ipId}
          label="IP address"
          name="ip"
          value={ip}
          onChange={(e) => setIp(e.target.value)}
          placeholder="203.0.113.9"
          maxLength={64}
          error={ipError}
        />
        {serviceAccount ? null : (
          <ServiceAccountSelect
            org={org}
            name="serviceAccountId"
            value={pickedAccountId}
            onChange={setPickedAccountId}
            noneLabel="None"
            hint="Optional. Also test that account's own allowlist."
          />
        )}
        <Button type="submit" variant="secondary" disabled={test.isPending} className="sm:mt-6 sm:justify-self-start">
          {test.isPending ? "Testing…" : "Test"}
        </Button>
      </div>
      <FormError message={formError} />
      {/* Always in the page, so screen readers announce the verdict when it appears. */}
      <div role="status">{test.data ? <TestResult result={test.data} accountName={serviceAccount?.name} /> : null}</div>
    </form>
  );
}

const LAYER_LABELS: Record<LayerVerdict["layer"], string> = { organization: "Organization", service_account: "Service account" };

function TestResult({ result, accountName }: { result: AddressTestResult; accountName?: string }) {
  const blocking = result.layers.filter((layer) => layer.entries > 0 && !layer.matched).map((layer) => LAYER_LABELS[layer.layer].toLowerCase());
  return (
    <div className={`rounded-md border px-4 py-3 text-sm ${result.allowed ? "border-emerald-200 bg-emerald-50" : "border-red-200 bg-red-50"}`}>
      <p className={`text-base font-semibold ${result.allowed ? "text-emerald-800" : "text-red-800"}`}>{result.allowed ? "Allowed" : "Denied"}</p>
      <p className="mt-1 text-slate-700">
        A token call from <code className="font-mono">{result.ip}</code>
        {accountName ? ` by ${accountName}` : ""}{" "}
        {result.allowed
          ? "would pass the allowlists."
          : `would get 403: no entry of the ${blocking.join(" or the ")} allowlist covers it.`}
      </p>
      <ul className="mt-2 space-y-1 text-slate-800">
        {result.layers.map((layer) => (
          <li key={layer.layer}>
            <span className="font-medium">{LAYER_LABELS[layer.layer]}:</span> <LayerOutcome layer={layer} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function LayerOutcome({ layer }: { layer: LayerVerdict }) {
  if (layer.matched) {
    return (
      <>
        matched <code className="font-mono">{layer.matched.cidr}</code>
        {layer.matched.label ? ` (${layer.matched.label})` : null}
      </>
    );
  }
  return <>{layer.entries === 0 ? "no entries" : "no match"}</>;
}
