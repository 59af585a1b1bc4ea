import { log } from '../log';
import { dayOf, type InsightEvent, type InsightsStore } from './events';

export interface RecorderOptions {
  /** Events older than this many days are forgotten (INSIGHTS_RETENTION_DAYS). */
  retentionDays: number;
  /** How often buffered events are written. */
  flushMs?: number;
  now?: () => number;
}

/** Buffered events are dropped past this many (the store is away): the service goes first. */
const MAX_PENDING = 10_000;

/**
 * Takes the events of each turn and writes them to the store in batches, once a second,
 * so recording costs a turn an array push, not a write. Forgets what is older than the
 * retention at start and then daily.
 */
export class InsightsRecorder {
  private pending: InsightEvent[] = [];
  private readonly flusher: NodeJS.Timeout;
  private readonly sweeper: NodeJS.Timeout;
  private readonly now: () => number;

  constructor(
    private readonly store: InsightsStore,
    private readonly options: RecorderOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.flusher = setInterval(() => void this.flush(), options.flushMs ?? 1000);
    this.flusher.unref();
    this.sweeper = setInterval(() => void this.sweep(), 24 * 3600_000);
    this.sweeper.unref();
    void this.sweep();
  }

  record(...events: InsightEvent[]): void {
    this.pending.push(...events);
    if (this.pending.length > MAX_PENDING) this.pending.splice(0, this.pending.length - MAX_PENDING);
  }

  /** Writes what is buffered; on failure keeps it for the next try. */
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    try {
      await this.store.append(batch);
    } catch (error) {
      this.pending = [...batch, ...this.pending].slice(-MAX_PENDING);
      log.warn({ error: (error as Error).name, pending: this.pending.length }, 'insights not written yet');
    }
  }

  /** Forgets the days before the retention period. */
  async sweep(): Promise<void> {
    const firstKept = dayOf(this.now() - this.options.retentionDays * 24 * 3600_000);
    await this.store.forgetBefore(firstKept).catch(() => undefined);
  }

  async close(): Promise<void> {
    clearInterval(this.flusher);
    clearInterval(this.sweeper);
    await this.flush();
  }
}
