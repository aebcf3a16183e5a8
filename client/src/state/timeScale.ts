/**
 * The time slider's scale: logarithmic in hours after dosing, from 0.1 h (6 min) to 720 h
 * (30 days), so minutes, hours and weeks each get room.
 */
export const timeScaleDefaults = {
  /** Earliest selectable time, in hours. */
  minHours: 0.1,
  /** Latest selectable time, in hours (30 days). */
  maxHours: 720,
  /** Slider positions from 0 to `steps`. */
  steps: 1000,
  /** Landmarks shown under the slider, in hours. */
  ticks: [0.5, 4, 24, 168, 720] as readonly number[],
} as const;

export type TimeScale = typeof timeScaleDefaults;

/** Slider position (0..steps) → hours. */
export function positionToHours(position: number, scale: TimeScale = timeScaleDefaults): number {
  const p = Math.min(Math.max(position, 0), scale.steps) / scale.steps;
  return roundHours(scale.minHours * Math.pow(scale.maxHours / scale.minHours, p));
}

/** Hours → slider position (0..steps). */
export function hoursToPosition(hours: number, scale: TimeScale = timeScaleDefaults): number {
  const h = Math.min(Math.max(hours, scale.minHours), scale.maxHours);
  return Math.round((Math.log(h / scale.minHours) / Math.log(scale.maxHours / scale.minHours)) * scale.steps);
}

/** Rounds to what a label can show: minutes below an hour, tenths below a day, hours beyond. */
export function roundHours(hours: number): number {
  if (hours < 1) return Math.max(1, Math.round(hours * 60)) / 60;
  if (hours < 24) return Math.round(hours * 10) / 10;
  return Math.round(hours);
}

function plural(value: number, unit: string): string {
  return `${value} ${unit}${value === 1 ? "" : "s"}`;
}

/** A readable label for a time after dosing: "30 min", "4 h", "1.5 days", "7 days". */
export function formatHours(hours: number): string {
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`;
  if (hours < 48) {
    const rounded = hours < 10 ? Math.round(hours * 10) / 10 : Math.round(hours);
    return `${rounded} h`;
  }
  const days = hours / 24;
  if (days < 14 && Math.abs(days - Math.round(days)) > 0.05) return plural(Math.round(days * 10) / 10, "day");
  if (days >= 14 && Math.round(days) % 7 === 0) return plural(Math.round(days / 7), "week");
  return plural(Math.round(days), "day");
}
