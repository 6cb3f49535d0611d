/**
 * What every engine accepts besides its data: a seed (engines are deterministic for a given seed),
 * a wall-clock budget it must honour, and hooks so a job can show progress and cancel.
 */
export interface SolveControl {
  /** Seed for the engine's Random; same seed and same input give the same answer. */
  seed?: number;
  /** Wall-clock budget in milliseconds; the engine returns its best answer by then. */
  timeLimitMs?: number;
  /** Called now and then with a fraction in [0, 1] and a short human message. */
  onProgress?: (fraction: number, message: string) => void;
  /** Polled by long loops; when it returns true the engine stops and returns its best answer. */
  shouldStop?: () => boolean;
  /** Cores this solve may keep busy; a caller that can start helper threads for it sizes them by this (default 1). */
  threads?: number;
}

/** A deadline helper that engines poll cheaply. */
export class Deadline {
  readonly startedAt = performance.now();
  private readonly endsAt: number;
  private polls = 0;
  private stopped = false;

  constructor(private readonly control: SolveControl = {}, defaultLimitMs = 10_000) {
    this.endsAt = this.startedAt + (control.timeLimitMs ?? defaultLimitMs);
  }

  elapsedMs(): number {
    return performance.now() - this.startedAt;
  }

  /** Milliseconds left of the budget (0 once spent). */
  remainingMs(): number {
    return Math.max(0, this.endsAt - performance.now());
  }

  /** A deadline for one part of the work: at most `limitMs` from now, and never past this one. */
  within(limitMs: number): Deadline {
    return new Deadline({ timeLimitMs: Math.max(0, Math.min(this.remainingMs(), limitMs)), shouldStop: () => this.expired() });
  }

  /** Fraction of the budget used, in [0, 1]. */
  fraction(): number {
    const total = this.endsAt - this.startedAt;
    return total <= 0 ? 1 : Math.min(1, this.elapsedMs() / total);
  }

  /** True once the budget is spent or the caller asked to stop. */
  expired(): boolean {
    if (this.stopped) return true;
    if (performance.now() >= this.endsAt) return (this.stopped = true);
    if (this.control.shouldStop && (++this.polls & 63) === 0 && this.control.shouldStop()) return (this.stopped = true);
    return false;
  }

  progress(message: string): void {
    this.control.onProgress?.(this.fraction(), message);
  }
}
