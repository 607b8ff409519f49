-- wrk script for `npm run bench`: POSTs one JSON-RPC request (from env
-- BENCH_BODY, headers from BENCH_HEADERS as "Name: value|Name: value"), counts
-- every answer that is not a successful result, and prints the numbers as one
-- JSON line (latencies in microseconds).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

-- BENCH_DELAY_MS: a pause before each request (wrk's delay hook), so the
-- target idles between calls as long as it would behind a slower hop.
if os.getenv("BENCH_DELAY_MS") then
  function delay()
    return tonumber(os.getenv("BENCH_DELAY_MS"))
  end
end

function init(args)
  wrk.method = "POST"
  wrk.body = os.getenv("BENCH_BODY")
  for pair in string.gmatch(os.getenv("BENCH_HEADERS") or "", "[^|]+") do
    local name, value = string.match(pair, "^%s*([^:]+):%s*(.*)$")
    wrk.headers[name] = value
  end
  failures = 0
  sample = ""
end

function response(status, headers, body)
  local ok = status == 200 and string.find(body, '"result"', 1, true) and not string.find(body, '"isError":true', 1, true)
  if not ok then
    failures = failures + 1
    if sample == "" then sample = status .. " " .. string.sub(body, 1, 300) end
  end
end

function done(summary, latency, requests)
  local failed = 0
  local first = ""
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("failures")
    if first == "" then first = thread:get("sample") end
  end
  first = string.gsub(first, '[%c"\\]', " ")
  io.write(string.format('BENCH {"requests":%d,"seconds":%f,"p50":%f,"p99":%f,"errors":%d,"socketErrors":%d,"failed":%d,"sample":"%s"}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(99),
    summary.errors.status + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.connect, failed, first))
end
