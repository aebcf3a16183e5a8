import express, { type Express } from "express";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { expressMiddleware } from "@as-integrations/express5";
import type { ApolloServer } from "@apollo/server";
import type { Logger } from "pino";
import type { Config } from "../config/index.js";
import type { Database } from "../db/index.js";
import type { GraphQLContext } from "../graphql/context.js";
import { createRequestContext } from "../graphql/requestContext.js";
import { exportRouter } from "./exportRoutes.js";
import { graphiqlRouter } from "./graphiql.js";
import { loadShedding } from "./loadShedding.js";
import { rateLimits } from "./rateLimits.js";
import type { Readiness } from "./readiness.js";
import { jsonErrorHandler, requireJsonBody } from "./httpErrors.js";
import { securityHeaders } from "./securityHeaders.js";

export interface AppState {
  /** False while draining for shutdown: /ready answers 503 so load balancers stop routing here. */
  accepting: boolean;
  /** The database as /ready reports it: its own connection, with a grace period. */
  readiness: Readiness;
}

/**
 * The HTTP surface: /health (the process is up), /ready (the database answers too),
 * /graphql, and the built client at /.
 */
export function createApp(config: Config, db: Database, apollo: ApolloServer<GraphQLContext>, logger: Logger, state: AppState): Express {
  const app = express();
  app.disable("x-powered-by");
  app.use(securityHeaders());

  app.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/ready", async (_req, res) => {
    const database = state.accepting && (await state.readiness.databaseUp());
    res.status(database ? 200 : 503).json({ status: database ? "ready" : "unavailable", database: database ? "up" : "down" });
  });

  app.use(graphiqlRouter());
  app.use(
    "/graphql",
    // Refusals first: they cost nothing, so an overloaded or abusive client is answered at once.
    loadShedding(config.MAX_GRAPHQL_IN_FLIGHT),
    ...rateLimits(config),
    express.json({ limit: "1mb" }),
    requireJsonBody,
    expressMiddleware(apollo, { context: ({ req }) => createRequestContext(config, db, req.headers.authorization) }),
  );

  app.use("/export", exportRouter(config, db));

  const clientDist = join(config.projectRoot, "client", "dist");
  if (existsSync(clientDist)) {
    app.use(express.static(clientDist, { index: "index.html", maxAge: "1h" }));
    // Client-side routes fall back to the app shell.
    app.get(/^\/(?!graphql|health|ready|export).*/, (_req, res) => res.sendFile(join(clientDist, "index.html")));
  } else {
    logger.warn(`no built client at ${clientDist}; run "npm run build -w client" to serve it`);
  }
  app.use(jsonErrorHandler(logger));
  return app;
}
