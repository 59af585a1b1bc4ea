import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { AppConfig } from './config';
import { errorFields, log } from './log';
import { StoreUnavailableError } from './state/store';

/** What a user reads while the conversation store (Redis) cannot be reached. */
export const STORE_UNAVAILABLE_REPLY = '暂时无法处理，请稍后再试。';

/**
 * botbuilder's CloudAdapter, with one addition: `handle` runs a turn from an activity this
 * server has already read and validated, and lets errors reach the caller, who answers
 * them without detail. (CloudAdapter.process writes the error's message, which can be a
 * callback target's response body, into the HTTP answer and logs its stack.)
 */
export class PolicyAdapter extends CloudAdapter {
  handle(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

export function createAdapter(config: AppConfig): PolicyAdapter {
  const adapter = new PolicyAdapter(
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: config.MicrosoftAppId,
      MicrosoftAppPassword: config.MicrosoftAppPassword,
      MicrosoftAppType: config.MicrosoftAppType,
      MicrosoftAppTenantId: config.MicrosoftAppTenantId,
    }),
  );
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // The conversation state is left as it was: a failed turn must not lose an interview.
    if (error instanceof StoreUnavailableError) {
      log.warn({ channel: context.activity.channelId }, 'turn failed: store unavailable');
      await context.sendActivity(STORE_UNAVAILABLE_REPLY);
      return;
    }
    log.error({ ...errorFields(error), channel: context.activity.channelId }, 'turn failed');
    await context.sendActivity('抱歉，处理您的消息时出错了。您刚才的进度已保留，请稍后重试或换个说法。');
  };
  return adapter;
}
