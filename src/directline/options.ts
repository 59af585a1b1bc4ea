import type { Activity } from 'botbuilder';

/** Sends one activity to the bot and resolves with the bot's replies (in-process, no HTTP). */
export type DeliverToBot = (activity: Activity) => Promise<Partial<Activity>[]>;

export interface DirectLineLimits {
  /** Conversations kept in memory; past this the least recently used one is dropped. */
  maxConversations: number;
  /** Activities kept per conversation (oldest dropped first); watermarks keep counting. */
  maxActivitiesPerConversation: number;
  /** A conversation nobody has touched (not even polled) for this long is dropped. */
  idleExpirySeconds: number;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** How long one bot turn may take before the POST answers 504 (late replies still arrive). */
  botTimeoutMs: number;
}

export interface DirectLineOptions {
  deliver: DeliverToBot;
  /** The Direct Line secret: signs tokens; a portal back end uses it to call /tokens/generate. */
  secret: string;
  tokenTtlSeconds?: number;
  limits?: Partial<DirectLineLimits>;
  /** Milliseconds since the epoch; tests pass a fake clock. */
  now?: () => number;
  /** The bot as it appears in `from`/`recipient`. */
  bot?: { id: string; name?: string };
  /**
   * Written into activities' `serviceUrl`. Only a label: replies come back in-process
   * through `deliver`, nothing is ever posted to it.
   */
  serviceUrl?: string;
  /** Browser origins (besides this server) allowed to call Direct Line directly (CORS). */
  allowedOrigins?: string[];
  /** Route prefix; Web Chat's `domain` must point here. */
  basePath?: string;
  /** Where bot failures are reported; defaults to console.error. */
  onError?: (error: unknown, activity: Activity) => void;
}

export const DEFAULT_LIMITS: DirectLineLimits = {
  maxConversations: 1000,
  maxActivitiesPerConversation: 200,
  idleExpirySeconds: 20 * 60,
  maxBodyBytes: 64 * 1024,
  botTimeoutMs: 30_000,
};

export interface ResolvedDirectLineOptions {
  deliver: DeliverToBot;
  secret: string;
  tokenTtlSeconds: number;
  limits: DirectLineLimits;
  now: () => number;
  bot: { id: string; name: string };
  serviceUrl: string;
  allowedOrigins: string[];
  basePath: string;
  onError: (error: unknown, activity: Activity) => void;
}

export function resolveOptions(options: DirectLineOptions): ResolvedDirectLineOptions {
  if (typeof options.secret !== 'string' || options.secret.length < 16) {
    throw new Error('Direct Line: the secret must be at least 16 characters (set DIRECTLINE_SECRET)');
  }
  const tokenTtlSeconds = options.tokenTtlSeconds ?? 3600;
  if (!Number.isInteger(tokenTtlSeconds) || tokenTtlSeconds < 60) {
    throw new Error('Direct Line: tokenTtlSeconds must be an integer of at least 60');
  }
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isFinite(value) || value <= 0) throw new Error(`Direct Line: limits.${name} must be positive`);
  }
  const basePath = (options.basePath ?? '/v3/directline').replace(/\/+$/, '');
  return {
    deliver: options.deliver,
    secret: options.secret,
    tokenTtlSeconds,
    limits,
    now: options.now ?? Date.now,
    bot: { id: options.bot?.id ?? 'bot', name: options.bot?.name ?? options.bot?.id ?? 'bot' },
    serviceUrl: options.serviceUrl ?? `http://localhost${basePath}`,
    allowedOrigins: normalizeOrigins(options.allowedOrigins ?? []),
    basePath,
    onError: options.onError ?? ((error) => console.error('Direct Line: bot turn failed', error)),
  };
}

/** `https://a.gov.cn/` → `https://a.gov.cn`; rejects wildcards and anything that is not an origin. */
export function normalizeOrigins(origins: string[]): string[] {
  return origins
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '')
    .map((origin) => {
      let url: URL;
      try {
        url = new URL(origin);
      } catch {
        throw new Error(`Allowed origin is not a URL: ${origin}`);
      }
      if (!['http:', 'https:'].includes(url.protocol) || url.origin === 'null' || origin.includes('*')) {
        throw new Error(`Allowed origin must be like https://portal.example.gov.cn: ${origin}`);
      }
      if (url.pathname !== '/' || url.search || url.hash || url.username) {
        throw new Error(`Allowed origin must not have a path, query or credentials: ${origin}`);
      }
      return url.origin;
    });
}
