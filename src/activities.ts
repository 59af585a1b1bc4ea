import { ActionTypes, MessageFactory, type Activity } from 'botbuilder';
import type { Reply } from './replies';

/** A reply as a Bot Framework message: markdown text, buttons as suggested actions. */
export function toActivity(reply: Reply): Partial<Activity> {
  const activity = reply.actions?.length
    ? MessageFactory.suggestedActions(
        reply.actions.map((action) => ({ type: ActionTypes.ImBack, title: action.title, value: action.value })),
        reply.text,
      )
    : MessageFactory.text(reply.text);
  activity.textFormat = 'markdown';
  activity.locale = 'zh-CN';
  return activity;
}
