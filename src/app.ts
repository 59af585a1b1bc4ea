import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  type TurnContext,
} from 'botbuilder';
import type restify from 'restify';
import { PolicyBot } from './bot';
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
  return { config, server, adapter, bot, search };
}
