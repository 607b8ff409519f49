// A child process of `npm run bench`: the floor a gateway is measured against,
// the simplest proxy that could work — node:http, a keep-alive agent, bytes
// piped both ways, no parsing. Usage: node scripts/bench-proxy.mjs <upstream URL>
import http from "node:http";

const target = new URL(process.argv[2]);
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const server = http.createServer((req, res) => {
  const upstream = http.request(
    { hostname: target.hostname, port: target.port, path: target.pathname, method: req.method, headers: { ...req.headers, host: target.host }, agent },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on("error", () => res.destroy());
  req.pipe(upstream);
});
server.keepAliveTimeout = 5000;
server.listen(0, "127.0.0.1", () => console.log(`proxy http://127.0.0.1:${server.address().port}${target.pathname}`));
process.once("SIGTERM", () => process.exit(0));
