import type { Activity } from 'botbuilder';
import type { Request } from 'restify';
import { plainAddress } from '../http/client';
import { MemoryDirectLineStore } from '../state/memory';
import { HISTORY_LIMITS, type DirectLineStore, type DirectLineStoreLimits } from '../state/store';
import { errorFields, log } from '../log';

/** Sends one activity to the bot and resolves with the bot's replies (in-process, no HTTP). */
export type DeliverToBot = (activity: Activity) => Promise<Partial<Activity>[]>;

/** Rate-limit buckets of the Direct Line routes. */
export type DirectLineBucket = 'tokens' | 'conversations' | 'messages' | 'polls';

/** The channel's own limits, and those of the in-memory store it makes when given none. */
export interface DirectLineLimits extends DirectLineStoreLimits {
  /** The largest activity a client may post, as kept (JSON bytes); larger ones get 413. */
  maxActivityBytes: number;
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
  /** Where conversations and history live; default: in this process, with `limits`. */
  store?: DirectLineStore;
  /** Route prefix; Web Chat's `domain` must point here. */
  basePath?: string;
  /** Where bot failures are reported; defaults to the structured log. */
  onError?: (error: unknown, activity: Activity) => void;
  /** Counts a request of its client in a bucket; throws 429 past the limit. Default: no limits. */
  rateLimit?: (req: Request, bucket: DirectLineBucket) => Promise<void>;
  /** Who is calling, for per-client conversation quotas. Default: the socket's peer address. */
  clientOf?: (req: Request) => string;
}

export const DEFAULT_LIMITS: DirectLineLimits = {
  maxConversations: 1000,
  maxConversationsPerClient: 20,
  ...HISTORY_LIMITS,
  maxActivityBytes: 8 * 1024,
  idleExpirySeconds: 20 * 60,
  maxBodyBytes: 16 * 1024,
  botTimeoutMs: 30_000,
};

export interface ResolvedDirectLineOptions {
  deliver: DeliverToBot;
  store: DirectLineStore;
  secret: string;
  tokenTtlSeconds: number;
  limits: DirectLineLimits;
  now: () => number;
  bot: { id: string; name: string };
  serviceUrl: string;
  allowedOrigins: string[];
  basePath: string;
  onError: (error: unknown, activity: Activity) => void;
  rateLimit: (req: Request, bucket: DirectLineBucket) => Promise<void>;
  clientOf: (req: Request) => string;
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
  const now = options.now ?? Date.now;
  return {
    deliver: options.deliver,
    store: options.store ?? new MemoryDirectLineStore(limits, now),
    secret: options.secret,
    tokenTtlSeconds,
    limits,
    now,
    bot: { id: options.bot?.id ?? 'bot', name: options.bot?.name ?? options.bot?.id ?? 'bot' },
    serviceUrl: options.serviceUrl ?? `http://localhost${basePath}`,
    allowedOrigins: normalizeOrigins(options.allowedOrigins ?? []),
    basePath,
    onError: options.onError ?? ((error) => log.error(errorFields(error), 'Direct Line: bot turn failed')),
    rateLimit: options.rateLimit ?? (async () => undefined),
    clientOf: options.clientOf ?? ((req) => plainAddress(req.socket?.remoteAddress)),
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
