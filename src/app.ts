import { randomBytes } from 'node:crypto';
import type restify from 'restify';
import { createAdapter, type PolicyAdapter } from './adapter';
import { registerAdmin } from './admin';
import { InsightsRecorder } from './insights/recorder';
import { PolicyBot } from './bot';
import { loadConfig, type AppConfig } from './config';
import { createInProcessDelivery, registerDirectLine, type DirectLine } from './directline';
import { clientAddress } from './http/client';
import { RateLimiter } from './http/rate-limit';
import { noteRequest } from './http/request-log';
import { loadKnowledge } from './knowledge';
import { registerPortal } from './portal';
import { warmUp, type QaContext } from './replies';
import { rulesForMeasure } from './rules';
import { PolicySearch } from './search';
import { createServer } from './server';
import { openStore, type StateStore } from './state';
import { ChannelScopedConversationState } from './state/conversation-state';

export interface App {
  config: AppConfig;
  server: restify.Server;
  adapter: PolicyAdapter;
  bot: PolicyBot;
  search: PolicySearch;
  directLine: DirectLine;
  /** Where conversations live (STORAGE). */
  store: StateStore;
  /** Records turns and ratings for /admin, unless INSIGHTS_ENABLED=false. */
  insights?: InsightsRecorder;
  /** True when DIRECTLINE_SECRET was empty and a random one was made for this run. */
  directLineSecretGenerated: boolean;
  /** Writes the buffered insights and closes the store (also done when the server closes). */
  close(): Promise<void>;
}

/**
 * Builds the whole application from settings (defaults: local, unauthenticated, SQLite):
 * store → knowledge → search index (warmed up: src/replies/warm-up.ts) → bot with conversation state in the store → HTTP
 * server with per-client rate limits → Direct Line and the portal pages. Nothing listens
 * yet; index.ts does that. A store that cannot be opened (Redis unreachable, a corrupt
 * SQLite file) fails here with an error naming it.
 */
export async function createApp(overrides: Partial<AppConfig> = {}): Promise<App> {
  const config = { ...loadConfig({}), ...overrides };
  const store = await openStore(config);
  const knowledge = loadKnowledge();
  const search = new PolicySearch(knowledge);
  const adapter = createAdapter(config);

  const insights = config.INSIGHTS_ENABLED
    ? new InsightsRecorder(store.insights, { retentionDays: config.INSIGHTS_RETENTION_DAYS })
    : undefined;
  const qa: QaContext = {
    notice: knowledge.notice,
    search,
    isEstimable: (measureId) => rulesForMeasure(measureId).some((rule) => rule.kind === 'quantified'),
  };
  warmUp(qa);
  const bot = new PolicyBot(new ChannelScopedConversationState(store.botState), qa, {
    observe: (outcome) => noteRequest({ outcome }),
    insights,
  });

  const limiter = new RateLimiter(store.counters, {
    admin: config.RATE_LIMIT_ADMIN_LOGIN,
    messages: config.RATE_LIMIT_MESSAGES,
    conversations: config.RATE_LIMIT_CONVERSATIONS,
    tokens: config.RATE_LIMIT_TOKENS,
    polls: config.RATE_LIMIT_POLLS,
    api: config.RATE_LIMIT_API,
  });
  const clientOf = (req: restify.Request) => clientAddress(req, config.TRUST_PROXY);
  const rateLimit = (req: restify.Request, bucket: Parameters<typeof limiter.take>[0]) => limiter.take(bucket, clientOf(req));

  const server = createServer({
    adapter,
    bot,
    search,
    notice: knowledge.notice,
    rateLimit,
    messagesAccess: config.MicrosoftAppId ? 'authenticated' : config.UNAUTHENTICATED_MESSAGES,
    isReady: () => store.healthy(),
  });

  // Web Chat on portal pages talks to this server's own Direct Line; replies come back
  // in-process (expectReplies), never through a public service URL.
  const directLineSecretGenerated = !config.DIRECTLINE_SECRET;
  const secret = config.DIRECTLINE_SECRET || randomBytes(32).toString('base64url');
  const directLine = registerDirectLine(server, {
    deliver: createInProcessDelivery(adapter, bot, { appId: config.MicrosoftAppId || undefined }),
    secret,
    tokenTtlSeconds: config.DIRECTLINE_TOKEN_TTL_SECONDS,
    allowedOrigins: config.ALLOWED_ORIGINS,
    store: store.directLine,
    rateLimit,
    clientOf,
    bot: { id: 'qingdao-policy-assistant', name: '青岛市工业互联网政策助手' },
  });
  registerPortal(server, {
    allowedOrigins: config.ALLOWED_ORIGINS,
    demoTokenIssuer: config.WEBCHAT_DEMO_TOKENS ? () => directLine.generateToken() : undefined,
    rateLimit: (req) => rateLimit(req, 'tokens'),
  });
  if (config.ADMIN_TOKEN) {
    registerAdmin(server, { token: config.ADMIN_TOKEN, insights: store.insights, rateLimitGuess: (req) => rateLimit(req, 'admin') });
  }
  // Buffered insights are written and the store closed once, when the server closes.
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await insights?.close();
      await store.close();
    })());
  server.on('close', () => void close());
  return { config, server, adapter, bot, search, directLine, store, insights, directLineSecretGenerated, close };
}
