// A child process of `npm run bench`: the floor a gateway is measured against,
// the simplest proxy that could work — node:http, a keep-alive agent, bytes
// piped both ways, no parsing. Usage: node scripts/bench-proxy.mjs <upstream URL>
// With BENCH_PROXY_DATABASE_URL and BENCH_PROXY_QUERY ({ name, text, values }
// as JSON) it first runs that one prepared statement per request (pg, pooled)
// and forwards when it returned a row: the floor of a gateway that makes one
// round trip to PostgreSQL per call.
import http from "node:http";
import pg from "pg";

const target = new URL(process.argv[2]);
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const query = process.env.BENCH_PROXY_QUERY ? JSON.parse(process.env.BENCH_PROXY_QUERY) : null;
const pool = query ? new pg.Pool({ connectionString: process.env.BENCH_PROXY_DATABASE_URL, max: 10 }) : null;

function forward(req, res) {
  const upstream = http.request(
    { hostname: target.hostname, port: target.port, path: target.pathname, method: req.method, headers: { ...req.headers, host: target.host }, agent },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on("error", () => res.destroy());
  req.pipe(upstream);
}

const server = http.createServer((req, res) => {
  if (!pool) return forward(req, res);
  pool.query(query).then(
    ({ rows }) => (rows.length ? forward(req, res) : res.writeHead(401).end()),
    () => res.writeHead(503).end(),
  );
});
server.keepAliveTimeout = 5000;
server.listen(0, "127.0.0.1", () => console.log(`proxy http://127.0.0.1:${server.address().port}${target.pathname}`));
process.once("SIGTERM", () => process.exit(0));
