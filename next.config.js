/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Compression belongs to the reverse proxy: gzip on every small MCP answer
  // cost the gateway more CPU than the rest of a call (see README, Benchmark).
  compress: false,
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true },
  // Native and WebAssembly packages are loaded by Node at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "@node-rs/argon2", "pg", "@prisma/adapter-pg", "@modelcontextprotocol/server", "@modelcontextprotocol/client"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
