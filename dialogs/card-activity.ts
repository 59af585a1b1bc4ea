import { CardFactory, type Activity } from 'botbuilder';
import { toActivity } from '../src/activities';
import type { CardReply } from '../src/replies';

/**
 * A reply with an Adaptive Card as one message: the short text (for clients that do not
 * render cards, and for screen readers), the card, and the reply's buttons.
 */
export function cardActivity(reply: CardReply): Partial<Activity> {
  const activity = toActivity(reply);
  activity.attachments = [CardFactory.adaptiveCard(reply.card)];
  return activity;
}
