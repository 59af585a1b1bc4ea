import { randomBytes } from 'node:crypto';
import type restify from 'restify';
import { createAdapter, type PolicyAdapter } from './adapter';
import { PolicyBot } from './bot';
import { loadConfig, type AppConfig } from './config';
import { createInProcessDelivery, registerDirectLine, type DirectLine } from './directline';
import { clientAddress } from './http/client';
import { MemoryCounters, RateLimiter } from './http/rate-limit';
import { noteRequest } from './http/request-log';
import { loadKnowledge } from './knowledge';
import { registerPortal } from './portal';
import { rulesForMeasure } from './rules';
import { PolicySearch } from './search';
import { createServer } from './server';
import { ChannelScopedConversationState } from './state/conversation-state';
import { ExpiringMemoryStorage } from './state/expiring-storage';

export interface App {
  config: AppConfig;
  server: restify.Server;
  adapter: PolicyAdapter;
  bot: PolicyBot;
  search: PolicySearch;
  directLine: DirectLine;
  /** True when DIRECTLINE_SECRET was empty and a random one was made for this run. */
  directLineSecretGenerated: boolean;
}

/**
 * Builds the whole application from settings (defaults: local, unauthenticated):
 * knowledge → search index → bot with expiring conversation state → HTTP server with
 * per-client rate limits → Direct Line and the portal pages. Nothing listens yet;
 * index.ts does that.
 */
export async function createApp(overrides: Partial<AppConfig> = {}): Promise<App> {
  const config = { ...loadConfig({}), ...overrides };
  const knowledge = loadKnowledge();
  const search = new PolicySearch(knowledge);
  const adapter = createAdapter(config);

  const storage = new ExpiringMemoryStorage({
    ttlMs: config.CONVERSATION_TTL_MINUTES * 60_000,
    maxItems: config.MAX_CONVERSATIONS,
  });
  const bot = new PolicyBot(
    new ChannelScopedConversationState(storage),
    {
      notice: knowledge.notice,
      search,
      isEstimable: (measureId) => rulesForMeasure(measureId).some((rule) => rule.kind === 'quantified'),
    },
    (outcome) => noteRequest({ outcome }),
  );

  const limiter = new RateLimiter(new MemoryCounters(), {
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
    limits: {
      maxConversations: config.MAX_CONVERSATIONS,
      maxConversationsPerClient: config.MAX_CONVERSATIONS_PER_CLIENT,
      idleExpirySeconds: config.CONVERSATION_TTL_MINUTES * 60,
    },
    rateLimit,
    clientOf,
    bot: { id: 'qingdao-policy-assistant', name: '青岛市工业互联网政策助手' },
  });
  registerPortal(server, {
    allowedOrigins: config.ALLOWED_ORIGINS,
    demoTokenIssuer: config.WEBCHAT_DEMO_TOKENS ? () => directLine.generateToken() : undefined,
    rateLimit: (req) => rateLimit(req, 'tokens'),
  });
  return { config, server, adapter, bot, search, directLine, directLineSecretGenerated };
}
