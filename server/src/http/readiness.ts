import type { DatabaseProbe } from "../db/index.js";

export interface Readiness {
  /** True while the database answered a ping within the grace window. */
  databaseUp(): Promise<boolean>;
}

/**
 * Whether the database is up, as /ready reports it. The probe has a connection of its own,
 * so a pool saturated by slow queries does not read as a database that is down; and one
 * failed ping within `graceMs` of the last good one does not flip readiness either, since a
 * load balancer that drops an instance for one slow ping takes capacity away just when it
 * is needed. After `graceMs` of failures the database counts as down.
 */
export function createReadiness(probe: DatabaseProbe, graceMs: number, now: () => number = Date.now): Readiness {
  let lastUp: number | undefined;
  return {
    async databaseUp() {
      if (await probe.ping()) {
        lastUp = now();
        return true;
      }
      return lastUp !== undefined && now() - lastUp < graceMs;
    },
  };
}
