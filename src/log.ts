import { createHash } from 'node:crypto';
import pino from 'pino';
import { memoize } from './memo';

/**
 * The structured log: one JSON object per line on stdout (pino). At `info` it never holds
 * what users typed, amounts or conversation ids in clear: only routes, statuses, timings,
 * outcomes and hashes. index.ts sets the level from LOG_LEVEL (tests silence it).
 */
export const log = pino(
  {
    level: 'info',
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  },
  // Written asynchronously (pino's sonic-boom): a line per request costs no write call of
  // its own under load. index.ts flushes before the process exits.
  pino.destination({ dest: 1, sync: false }),
);

/** A short, stable stand-in for an identifier in logs: the first 12 hex digits of its SHA-256. */
export const hashId: (id: string) => string = memoize((id) => createHash('sha256').update(id).digest('hex').slice(0, 12), 256);

/**
 * What to log of an error. A failed call to another service (a status or a network code)
 * is named without its message, which can carry the remote body; anything else is a bug,
 * logged with its stack.
 */
export function errorFields(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: typeof error };
  const status = (error as { statusCode?: number }).statusCode;
  const code = (error as { code?: string }).code ?? (error.cause as { code?: string } | undefined)?.code;
  if (status !== undefined || code !== undefined || error.name === 'RestError') return { error: error.name, status, code };
  return { err: error };
}
