import { randomBytes } from 'node:crypto';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  type TurnContext,
} from 'botbuilder';
import type restify from 'restify';
import { PolicyBot } from './bot';
import { createInProcessDelivery, registerDirectLine, type DirectLine } from './directline';
import { registerPortal } from './portal';
import { loadConfig, type AppConfig } from './config';
import { loadKnowledge } from './knowledge';
import { rulesForMeasure } from './rules';
import { PolicySearch } from './search';
import { createServer } from './server';
import { ExpiringMemoryStorage } from './state/expiring-storage';

export interface App {
  config: AppConfig;
  server: restify.Server;
  adapter: CloudAdapter;
  bot: PolicyBot;
  search: PolicySearch;
  directLine: DirectLine;
  /** True when DIRECTLINE_SECRET was empty and a random one was made for this run. */
  directLineSecretGenerated: boolean;
}

/**
 * Builds the whole application from settings (defaults: local, unauthenticated):
 * knowledge → search index → bot with expiring conversation state → HTTP server.
 * Nothing listens yet; index.ts does that.
 */
export async function createApp(overrides: Partial<AppConfig> = {}): Promise<App> {
  const config = { ...loadConfig({}), ...overrides };
  const knowledge = loadKnowledge();
  const search = new PolicySearch(knowledge);

  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: config.MicrosoftAppId,
      MicrosoftAppPassword: config.MicrosoftAppPassword,
      MicrosoftAppType: config.MicrosoftAppType,
      MicrosoftAppTenantId: config.MicrosoftAppTenantId,
    }),
  );
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // The conversation state is left as it was: a failed turn must not lose an interview.
    console.error(`[onTurnError] ${error.stack ?? error}`);
    await context.sendActivity('抱歉，处理您的消息时出错了。您刚才的进度已保留，请稍后重试或换个说法。');
  };

  const storage = new ExpiringMemoryStorage({
    ttlMs: config.CONVERSATION_TTL_MINUTES * 60_000,
    maxItems: config.MAX_CONVERSATIONS,
  });
  const bot = new PolicyBot(new ConversationState(storage), {
    notice: knowledge.notice,
    search,
    isEstimable: (measureId) => rulesForMeasure(measureId).some((rule) => rule.kind === 'quantified'),
  });
  const server = createServer({ adapter, bot, search, notice: knowledge.notice });

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
      idleExpirySeconds: config.CONVERSATION_TTL_MINUTES * 60,
      // 10,000 conversations × 100 activities × ~1.3 KB stays near 1.3 GB at worst.
      maxActivitiesPerConversation: 100,
    },
    bot: { id: 'qingdao-policy-assistant', name: '青岛市工业互联网政策助手' },
  });
  registerPortal(server, { allowedOrigins: config.ALLOWED_ORIGINS, demoTokenIssuer: () => directLine.generateToken() });
  return { config, server, adapter, bot, search, directLine, directLineSecretGenerated };
}
