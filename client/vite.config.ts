import { defineConfig } from "vite";

/**
 * The built client (dist/) is served by the API server at `/`, on the same port as `/graphql`.
 * In dev mode Vite proxies `/graphql` to the API server (MECHGRAPH_API_URL, default port 4000).
 */
const apiTarget = process.env.MECHGRAPH_API_URL ?? "http://localhost:4000";

export default defineConfig({
  root: import.meta.dirname,
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    // Cytoscape and its layout extensions are one large vendor chunk by nature.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: { "/graphql": { target: apiTarget, changeOrigin: true } },
  },
  preview: {
    port: 4173,
    proxy: { "/graphql": { target: apiTarget, changeOrigin: true } },
  },
});
