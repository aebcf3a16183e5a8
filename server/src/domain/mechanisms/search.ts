import { confidenceFromLogs } from "./confidence.js";
import { netSign, type Sign } from "./signs.js";
import type { ChainStep, StepGraph } from "./steps.js";

export interface Chain {
  /** Entities in order, from the start to a target. */
  entityIds: string[];
  steps: ChainStep[];
  score: number;
  netSign: Sign;
}

export interface ChainSearchOptions {
  fromId: string;
  /** Entities a chain may end at. */
  targets: ReadonlySet<string>;
  maxHops: number;
  first: number;
  /** Keep only chains with this net sign. */
  sign?: Sign | null;
  /** Keep only chains that pass through this entity. */
  throughId?: string | null;
  /** Stop, reporting `complete: false`, once `now()` passes this. */
  deadline: number;
  now?: () => number;
  /** Partial chains the search may extend before it stops, whatever the clock says. */
  maxExpansions?: number;
}

export interface ChainSearchResult {
  /** Best first: by score, then fewer steps, then entity ids. */
  chains: Chain[];
  /** False when the deadline or the expansion cap stopped the search before it had proven its top chains. */
  complete: boolean;
}

const DEFAULT_MAX_EXPANSIONS = 2_000_000;
const CLOCK_CHECK_EVERY = 1024;

/** Hops from each entity to the nearest of `goals` along steps, by breadth-first search backwards. */
function distancesTo(graph: StepGraph, goals: Iterable<string>): Map<string, number> {
  const incoming = new Map<string, string[]>();
  for (const steps of graph.values()) {
    for (const step of steps) incoming.set(step.toId, [...(incoming.get(step.toId) ?? []), step.fromId]);
  }
  const distance = new Map<string, number>();
  let frontier = [...goals];
  for (const id of frontier) distance.set(id, 0);
  for (let d = 1; frontier.length > 0; d += 1) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const source of incoming.get(id) ?? []) {
        if (!distance.has(source)) {
          distance.set(source, d);
          next.push(source);
        }
      }
    }
    frontier = next;
  }
  return distance;
}

/**
 * For every entity and every r from 0 to `maxHops`, the largest sum of log step strengths over
 * walks of exactly r steps from it to a target (-Infinity where none exists). Walks may repeat
 * entities, so this is at least what any simple chain can add: a true upper bound, and a far
 * tighter one than "every remaining step as strong as the strongest step anywhere", which lets
 * one strong hub-side claim keep whole regions of the graph alive.
 */
function bestCompletionLogs(graph: StepGraph, targets: ReadonlySet<string>, maxHops: number): Map<string, Float64Array> {
  const best = new Map<string, Float64Array>();
  const row = (id: string): Float64Array => {
    let logs = best.get(id);
    if (!logs) best.set(id, (logs = new Float64Array(maxHops + 1).fill(-Infinity)));
    return logs;
  };
  for (const id of targets) row(id)[0] = 0;
  const stepList = [...graph.values()].flat();
  for (const step of stepList) {
    row(step.fromId);
    row(step.toId);
  }
  for (let r = 1; r <= maxHops; r += 1) {
    for (const step of stepList) {
      const from = best.get(step.fromId)!;
      const extended = Math.log(step.strength) + best.get(step.toId)![r - 1]!;
      if (extended > from[r]!) from[r] = extended;
    }
  }
  return best;
}

/**
 * Rounding guard for the bound: its logs are summed in another order than the chain's own, so
 * a completion that exactly ties the last chain kept must not be pruned by the last bit.
 */
const BOUND_SLACK = 1 + 1e-9;

export function compareChains(a: Chain, b: Chain): number {
  return b.score - a.score || a.steps.length - b.steps.length || a.entityIds.join("\u0000").localeCompare(b.entityIds.join("\u0000"));
}

/**
 * The best `first` simple chains from `fromId` to any target within `maxHops` steps, by chain
 * confidence. Depth-first, strongest steps first, branch and bound: a partial chain is dropped
 * once even the best possible completion (`bestCompletionLogs`) cannot enter the current top
 * `first`, or when no target is reachable in the hops left. Exact unless the deadline or the
 * expansion cap cuts it, which `complete` reports. Each entity pair is one step, so no two
 * chains share an entity sequence.
 */
export function searchChains(graph: StepGraph, options: ChainSearchOptions): ChainSearchResult {
  const { fromId, targets, maxHops, first, sign = null, throughId = null, deadline } = options;
  const now = options.now ?? Date.now;
  const maxExpansions = options.maxExpansions ?? DEFAULT_MAX_EXPANSIONS;
  const toTarget = distancesTo(graph, targets);
  const toThrough = throughId ? distancesTo(graph, [throughId]) : null;
  const throughToTarget = throughId ? (toTarget.get(throughId) ?? Infinity) : 0;
  const completionLogs = bestCompletionLogs(graph, targets, maxHops);
  /** The best confidence a chain of `length` steps, ending at `id` with `logSum`, can reach in `minMore` to `maxMore` more steps. */
  const bestCompletion = (id: string, logSum: number, length: number, minMore: number, maxMore: number): number => {
    const logs = completionLogs.get(id);
    let bound = 0;
    if (logs) for (let r = minMore; r <= maxMore; r += 1) bound = Math.max(bound, confidenceFromLogs(logSum + logs[r]!, length + r));
    return bound;
  };

  const kept: Chain[] = [];
  const path: string[] = [fromId];
  const steps: ChainStep[] = [];
  const onPath = new Set([fromId]);
  let expansions = 0;
  let cut = false;

  /** Fewest steps from `id` to a target that satisfies the through constraint. */
  const stepsStillNeeded = (id: string, passedThrough: boolean): number =>
    passedThrough ? (toTarget.get(id) ?? Infinity) : (toThrough!.get(id) ?? Infinity) + throughToTarget;

  const keep = (chain: Chain) => {
    if (kept.length >= first && compareChains(chain, kept[kept.length - 1]!) >= 0) return;
    const at = kept.findIndex((other) => compareChains(chain, other) < 0);
    kept.splice(at === -1 ? kept.length : at, 0, chain);
    if (kept.length > first) kept.pop();
  };

  const visit = (id: string, logSum: number, passedThrough: boolean): void => {
    if (steps.length > 0 && targets.has(id) && passedThrough) {
      const chainSign = netSign(steps.map((s) => s.sign));
      if (sign === null || chainSign === sign) {
        keep({ entityIds: [...path], steps: [...steps], score: confidenceFromLogs(logSum, steps.length), netSign: chainSign });
      }
    }
    const hopsLeft = maxHops - steps.length;
    if (hopsLeft <= 0) return;
    for (const step of graph.get(id) ?? []) {
      if (cut) return;
      if (onPath.has(step.toId)) continue;
      const nextPassed = passedThrough || step.toId === throughId;
      const needed = stepsStillNeeded(step.toId, nextPassed);
      if (needed > hopsLeft - 1) continue;
      const nextLog = logSum + Math.log(step.strength);
      if (kept.length >= first) {
        const bound = bestCompletion(step.toId, nextLog, steps.length + 1, needed, hopsLeft - 1);
        if (bound * BOUND_SLACK < kept[kept.length - 1]!.score) continue;
      }
      expansions += 1;
      if (expansions >= maxExpansions || (expansions % CLOCK_CHECK_EVERY === 1 && now() > deadline)) {
        cut = true;
        return;
      }
      path.push(step.toId);
      steps.push(step);
      onPath.add(step.toId);
      visit(step.toId, nextLog, nextPassed);
      onPath.delete(step.toId);
      steps.pop();
      path.pop();
    }
  };

  if (maxHops >= 1 && first >= 1) visit(fromId, 0, throughId === null || throughId === fromId);
  return { chains: kept, complete: !cut };
}
