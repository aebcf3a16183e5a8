import type { ClaimRecord } from "../model.js";

/**
 * The phases of the time course after a dose, in hours. A hypothesis's time-course coverage
 * counts its claims per phase, and two hypotheses differ in time course when their claims about
 * the same entity start in different phases.
 */
export const TIME_PHASES = [
  { label: "during and just after dosing (0-1 h)", fromHours: 0, toHours: 1 },
  { label: "rapid (1-4 h)", fromHours: 1, toHours: 4 },
  { label: "first day (4-24 h)", fromHours: 4, toHours: 24 },
  { label: "first week (1-7 days)", fromHours: 24, toHours: 168 },
  { label: "sustained (beyond 7 days)", fromHours: 168, toHours: null },
] as const;

export interface TimeWindow {
  fromHours: number;
  toHours: number;
}

/**
 * A claim's effect window: onset (else peak, else end) to end (else peak, else onset); null when
 * it has no timing. Curated timing first, else the timing derived from its evidence's timepoints.
 */
export function claimWindow(claim: Pick<ClaimRecord, "context">): TimeWindow | null {
  const c = claim.context;
  const onsetHours = c.onsetHours ?? c.derivedOnsetHours ?? null;
  const peakHours = c.peakHours ?? c.derivedPeakHours ?? null;
  const endHours = c.endHours ?? c.derivedEndHours ?? null;
  const from = onsetHours ?? peakHours ?? endHours;
  const to = endHours ?? peakHours ?? onsetHours;
  if (from == null || to == null) return null;
  return { fromHours: Math.min(from, to), toHours: Math.max(from, to) };
}

/** The index of the phase `hours` falls in (phases are half-open, [from, to)). */
export function phaseIndex(hours: number): number {
  const index = TIME_PHASES.findIndex((p) => hours >= p.fromHours && (p.toHours === null || hours < p.toHours));
  return index === -1 ? 0 : index;
}

/** The phases a window overlaps; a window of one instant covers the phase it falls in. */
export function phasesCovered(window: TimeWindow): number[] {
  if (window.fromHours === window.toHours) return [phaseIndex(window.fromHours)];
  return TIME_PHASES.flatMap((phase, i) =>
    Math.max(window.fromHours, phase.fromHours) < Math.min(window.toHours, phase.toHours ?? Infinity) ? [i] : [],
  );
}

/** The smallest window holding every given window; null when none is given. */
export function spanOf(windows: readonly (TimeWindow | null)[]): TimeWindow | null {
  const timed = windows.filter((w): w is TimeWindow => w !== null);
  if (timed.length === 0) return null;
  return { fromHours: Math.min(...timed.map((w) => w.fromHours)), toHours: Math.max(...timed.map((w) => w.toHours)) };
}

/** "0.5 h", "24-48 h", "from 7 days": how a window reads in a summary. */
export function describeWindow(window: TimeWindow): string {
  const hours = (h: number) => (h >= 48 && h % 24 === 0 ? `${h / 24} days` : `${h} h`);
  const phase = TIME_PHASES[phaseIndex(window.fromHours)]!.label.replace(/ \(.*\)$/, "");
  const span = window.fromHours === window.toHours ? hours(window.fromHours) : `${hours(window.fromHours)} to ${hours(window.toHours)}`;
  return `${span} (${phase})`;
}
