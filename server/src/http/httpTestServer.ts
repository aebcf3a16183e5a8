import express, { type RequestHandler } from "express";
import { createServer, type Server } from "node:http";

/**
 * An Express app on a free loopback port that runs `middleware` in front of `handler`,
 * for testing middleware over real HTTP without the rest of the API.
 */
export async function serveWith(middleware: RequestHandler[], handler: RequestHandler): Promise<{ url: string; close(): Promise<void> }> {
  const app = express();
  app.post("/graphql", ...middleware, handler);
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
