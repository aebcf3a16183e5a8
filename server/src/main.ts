import { ConfigError, loadConfig } from "./config/index.js";
import { createLogger } from "./logger.js";
import { MissingPrerequisiteError } from "./localNeo4j/index.js";
import { startServer } from "./startServer.js";

/** `npm start`: runs mechgraph until SIGINT or SIGTERM, then shuts down cleanly. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger(config);
  let running: Awaited<ReturnType<typeof startServer>> | undefined;
  let signalled = false;
  const shutdown = (signal: string) => {
    if (signalled) return;
    signalled = true;
    logger.info(`${signal} received: shutting down`);
    void (running?.stop() ?? Promise.resolve()).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));

  try {
    running = await startServer(config, logger);
    if (signalled) await running.stop();
  } catch (error) {
    if (error instanceof MissingPrerequisiteError) {
      logger.fatal(error.message);
    } else {
      logger.fatal({ err: error }, `mechgraph failed to start: ${(error as Error).message}`);
    }
    process.exit(1);
  }
}

void main();
