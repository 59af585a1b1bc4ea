import { HttpError } from './errors';

/**
 * Per-client request limits: fixed one-minute windows counted in a CounterStore (memory
 * here; the persistent stores count there too, so several instances share the limits).
 *
 *   const limiter = new RateLimiter(new MemoryCounters(), { search: 60 });
 *   await limiter.take('search', '203.0.113.7');  // throws HttpError 429 with Retry-After past 60 a minute
 */

export interface CounterStore {
  /** Adds one to `key`'s counter in the window that ends at `windowEndsAt` (ms), and returns the new count. */
  increment(key: string, windowEndsAt: number): Promise<number>;
}

/** Counters in this process, forgotten once their window has passed. */
export class MemoryCounters implements CounterStore {
  private readonly counts = new Map<string, { count: number; endsAt: number }>();
  private nextSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async increment(key: string, windowEndsAt: number): Promise<number> {
    const now = this.now();
    if (now >= this.nextSweep) this.sweep(now, windowEndsAt);
    const counter = this.counts.get(key);
    if (!counter || counter.endsAt <= now) {
      this.counts.set(key, { count: 1, endsAt: windowEndsAt });
      return 1;
    }
    counter.count += 1;
    return counter.count;
  }

  private sweep(now: number, nextAt: number): void {
    for (const [key, counter] of this.counts) if (counter.endsAt <= now) this.counts.delete(key);
    this.nextSweep = nextAt;
  }
}

const WINDOW_MS = 60_000;

export class RateLimiter<Bucket extends string> {
  constructor(
    private readonly counters: CounterStore,
    /** Requests a client may make per minute, by bucket. */
    private readonly perMinute: Record<Bucket, number>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request of `client` in `bucket`; throws 429 with Retry-After once over the limit. */
  async take(bucket: Bucket, client: string): Promise<void> {
    const now = this.now();
    const windowEndsAt = (Math.floor(now / WINDOW_MS) + 1) * WINDOW_MS;
    let count: number;
    try {
      count = await this.counters.increment(`rl:${bucket}:${client}:${windowEndsAt}`, windowEndsAt);
    } catch {
      return; // counters unreachable (Redis down): let the request through rather than refuse everyone
    }
    if (count > this.perMinute[bucket]) {
      const retryAfter = Math.max(1, Math.ceil((windowEndsAt - now) / 1000));
      throw new HttpError(429, 'TooManyRequests', `请求过于频繁，请${retryAfter}秒后再试 (too many requests)`, {
        'Retry-After': String(retryAfter),
      });
    }
  }
}
