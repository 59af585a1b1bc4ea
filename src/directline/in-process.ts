import { DeliveryModes, type Activity, type CloudAdapter, type TurnContext } from 'botbuilder';
import {
  AuthenticationConstants,
  ClaimsIdentity,
  ConnectorClient,
  ConnectorFactory,
  MicrosoftAppCredentials,
  type AuthenticateRequestResult,
} from 'botframework-connector';
import { SELF_HOSTED_TURN } from '../state/conversation-state';
import type { DeliverToBot } from './options';

export interface InProcessDeliveryOptions {
  /**
   * The bot's MicrosoftAppId when the adapter runs authenticated. Then there is no channel
   * JWT to check (the activity never left this process), so the turn is started with an
   * AuthenticateRequestResult built here for this app id instead of an Authorization header.
   * Leave empty in the unauthenticated local mode: the adapter then checks an empty header
   * the normal way.
   */
  appId?: string;
}

/** Anything with `run(context)`: an ActivityHandler, or a bot wrapping dialogs. */
export interface RunnableBot {
  run(context: TurnContext): Promise<void>;
}

/**
 * A `deliver` for the Direct Line channel: runs the activity through the real adapter
 * (its middleware and onTurnError included) with deliveryMode "expectReplies", so every
 * reply is buffered on the turn and handed back here instead of being POSTed to a
 * serviceUrl.
 */
export function createInProcessDelivery(
  adapter: CloudAdapter,
  bot: RunnableBot,
  options: InProcessDeliveryOptions = {},
): DeliverToBot {
  const authorization: string | AuthenticateRequestResult = options.appId
    ? inProcessAuthentication(options.appId)
    : '';
  return async (activity: Activity) => {
    const incoming = { ...activity, deliveryMode: DeliveryModes.ExpectReplies } as Activity;
    // The turn context is revoked when the turn ends, so hold on to its reply buffer (an
    // array that middleware and onTurnError keep appending to after the bot returns).
    let replies: Partial<Activity>[] = [];
    await adapter.processActivityDirect(authorization, incoming, async (context) => {
      replies = context.bufferedReplyActivities;
      context.turnState.set(SELF_HOSTED_TURN, true);
      await bot.run(context);
    });
    return [...replies];
  };
}

/** What authenticating a channel request for `appId` would yield, for a turn that never left the process. */
function inProcessAuthentication(appId: string): AuthenticateRequestResult {
  return {
    audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
    claimsIdentity: new ClaimsIdentity([{ type: AuthenticationConstants.AudienceClaim, value: appId }], true),
    connectorFactory: new NoOutboundConnectorFactory(),
  };
}

/**
 * The adapter insists on a connector client per turn. With expectReplies nothing is sent
 * through it; a bot that calls the connector anyway (update/delete activity, members)
 * reaches the activity's serviceUrl without credentials and gets an error.
 */
class NoOutboundConnectorFactory extends ConnectorFactory {
  async create(serviceUrl: string): Promise<ConnectorClient> {
    return new ConnectorClient(MicrosoftAppCredentials.Empty, { baseUri: serviceUrl });
  }
}
