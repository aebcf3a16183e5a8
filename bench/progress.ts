/** Prints throughput of a long phase at most every `everyMs`, and its totals at the end. */
export class Progress {
  private readonly started = performance.now();
  private lastPrint = this.started;
  private lastDone = 0;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly print: (line: string) => void,
    private readonly everyMs = 5000,
  ) {}

  get seconds(): number {
    return (performance.now() - this.started) / 1000;
  }

  update(done: number, extra = ""): void {
    const now = performance.now();
    if (now - this.lastPrint < this.everyMs && done < this.total) return;
    const recent = ((done - this.lastDone) * 1000) / Math.max(1, now - this.lastPrint);
    const average = done / Math.max(0.001, this.seconds);
    const eta = average > 0 ? (this.total - done) / average : 0;
    this.print(
      `  ${this.label}: ${done.toLocaleString("en")}/${this.total.toLocaleString("en")} (${Math.floor((100 * done) / this.total)}%), ` +
        `${Math.round(recent).toLocaleString("en")} rows/s now, ${Math.round(average).toLocaleString("en")} rows/s average` +
        `${done < this.total ? `, ~${formatDuration(eta)} left` : ""}${extra}`,
    );
    this.lastPrint = now;
    this.lastDone = done;
  }
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}
