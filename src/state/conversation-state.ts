import { ConversationState, type TurnContext } from 'botbuilder';

/** Marks a turn that this server's own Direct Line channel delivered in-process. */
export const SELF_HOSTED_TURN = Symbol('self-hosted Direct Line turn');

/**
 * Conversation state whose key says which door the turn came through. A self-hosted
 * Direct Line conversation is stored under `self-hosted/…`, which only a turn delivered
 * in-process (with a valid token) can reach: a caller of /api/messages who names
 * `channelId: "directline"` and a known conversation id lands in another key.
 */
export class ChannelScopedConversationState extends ConversationState {
  override getStorageKey(context: TurnContext): string | undefined {
    const key = super.getStorageKey(context);
    return context.turnState.get(SELF_HOSTED_TURN) ? `self-hosted/${key}` : key;
  }
}
