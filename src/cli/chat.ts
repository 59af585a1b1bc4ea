/**
 * Talk to the bot in the terminal: the same bot and adapter as the server, turns
 * delivered in-process (deliveryMode "expectReplies"), no HTTP, no Emulator.
 *   npm run chat
 *   printf '两化融合项目补贴多少\n这条的责任单位是谁\n' | npm run chat --silent
 * Type /1, /2 … to click the buttons under the last reply; Ctrl+D or /quit to leave.
 */
import { createInterface } from 'node:readline';
import type { Activity, Attachment } from 'botbuilder';
import { createApp } from '../app';
import { createInProcessDelivery } from '../directline/in-process';

const user = { id: 'terminal-user', name: '您' };
const bot = { id: 'policy-bot', name: '政策助手' };
const conversation = { id: `terminal-${Date.now()}` };

function activity(fields: Partial<Activity>): Activity {
  return {
    channelId: 'terminal',
    serviceUrl: 'http://localhost/terminal',
    conversation,
    from: user,
    recipient: bot,
    locale: 'zh-CN',
    timestamp: new Date(),
    ...fields,
  } as Activity;
}

/** Markdown stripped to what a terminal shows well. */
const plain = (text: string) => text.replace(/\*\*(.+?)\*\*/g, '$1').replace(/^> /gm, '  ');

/** A card as text: Adaptive Cards carry fallbackText; hero cards a title and text. */
function cardText(attachment: Attachment): string {
  const content = attachment.content as { fallbackText?: string; title?: string; text?: string } | undefined;
  return content?.fallbackText ?? [content?.title, content?.text].filter(Boolean).join('\n') ?? '';
}

async function main(): Promise<void> {
  const app = await createApp({ STORAGE: 'memory' }); // a terminal session needs no store on disk
  const deliver = createInProcessDelivery(app.adapter, app.bot);
  let buttons: string[] = [];

  const show = (replies: Partial<Activity>[]) => {
    for (const reply of replies) {
      if (reply.type !== 'message') continue;
      const parts = [reply.text, ...(reply.attachments ?? []).map(cardText)].filter((p): p is string => !!p);
      // Cards usually repeat the text; print each distinct part once.
      console.log(`\n政策助手：${[...new Set(parts)].map(plain).join('\n\n')}`);
      const actions = reply.suggestedActions?.actions ?? [];
      if (actions.length) {
        buttons = actions.map((a) => String(a.value ?? a.title));
        console.log(`  按钮：${actions.map((a, i) => `/${i + 1} ${a.title}`).join('  ')}`);
      }
    }
  };

  show(await deliver(activity({ type: 'conversationUpdate', membersAdded: [user, bot] })));
  const interactive = process.stdin.isTTY;
  const lines = createInterface({ input: process.stdin, output: process.stdout, terminal: interactive });
  lines.setPrompt('\n您：');
  const prompt = () => interactive && lines.prompt();
  prompt();
  for await (const line of lines) {
    const input = line.trim();
    if (input === '/quit') break;
    const clicked = /^\/(\d+)$/.exec(input);
    const text = clicked ? buttons[Number(clicked[1]) - 1] : input;
    if (text) {
      if (!interactive) console.log(`\n您：${text}`);
      buttons = [];
      show(await deliver(activity({ type: 'message', text, id: `m-${Date.now()}` })));
    }
    prompt();
  }
  lines.close();
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
