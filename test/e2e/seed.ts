import type { Activity } from 'botbuilder';
import { vi } from 'vitest';
import type { App } from '../../src/app';
import { createInProcessDelivery } from '../../src/directline/in-process';
import { dayOf } from '../../src/insights/events';

/**
 * 200 scripted conversations through the real bot, spread over the last five days (the
 * clock is set per conversation), so the dashboard has data to draw. Each script's reply
 * is checked as it goes; what was seeded is returned as the counts the dashboard must show.
 */
export interface Seeded {
  days: string[];
  /** Per day: turns answered, asked which, not found, all turns (the per-day CSV's columns). */
  perDay: Map<string, { answered: number; askedWhich: number; notFound: number; turns: number }>;
  interviews: { started: number; completed: number; abandoned: number };
}

const OUTSIDE = ['个人所得税怎么申报', '首台套保险补偿有吗', '研发费用加计扣除怎么算'];
const NUMERALS = '一二三四五六七八九十';
const measureWord = (n: number) => (n <= 10 ? NUMERALS[n - 1] : n < 20 ? `十${NUMERALS[n - 11]}` : '二十');

export async function seedConversations(app: App, count = 200): Promise<Seeded> {
  const deliver = createInProcessDelivery(app.adapter, app.bot);
  const now = Date.now();
  const days = [4, 3, 2, 1, 0].map((back) => dayOf(now - back * 24 * 3600_000));
  const perDay = new Map(days.map((day) => [day, { answered: 0, askedWhich: 0, notFound: 0, turns: 0 }]));
  const interviews = { started: 0, completed: 0, abandoned: 0 };
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    for (let i = 0; i < count; i++) {
      const back = i % 5;
      vi.setSystemTime(now - back * 24 * 3600_000 - 3600_000);
      const day = perDay.get(days[4 - back])!;
      const say = async (text: string, expected: RegExp) => {
        const replies = await deliver({
          type: 'message', id: `seed-${i}-${text}`, text, channelId: 'directline', serviceUrl: 'http://localhost/seed',
          from: { id: `seed-user-${i}` }, recipient: { id: 'bot' }, conversation: { id: `seed-${now}-${i}` }, locale: 'zh-CN',
        } as Activity);
        const said = replies.map((r) => `${r.text ?? ''}${JSON.stringify(r.attachments ?? [])}`).join('\n');
        if (!expected.test(said)) throw new Error(`seed ${i}: ${text} → ${said.slice(0, 200)}`);
      };
      switch (i % 10) {
        case 0:
        case 1:
        case 2:
        case 3: {
          const n = (i % 20) + 1;
          await say(`第${measureWord(n)}条`, new RegExp(`措施（${measureWord(n)}）`));
          day.answered++;
          day.turns++;
          if (i % 3 === 0) await say('有帮助', /感谢您的反馈/); // a rating, not a turn
          break;
        }
        case 4:
          await say('补贴', /请问您想了解哪一条/);
          day.askedWhich++;
          day.turns++;
          break;
        case 5:
        case 6:
          await say(OUTSIDE[i % OUTSIDE.length], /通知没有提到/);
          day.notFound++;
          day.turns++;
          break;
        case 7:
          for (const [text, expected] of [['帮我估算两化融合补贴', /第1题/], ['是', /第2题/], ['是', /第3题/], ['300万', /请核对/], ['确认', /600,000/]] as const) {
            await say(text, expected);
          }
          day.turns += 5;
          interviews.started++;
          interviews.completed++;
          await say('有帮助', /好差评/);
          await say(['非常满意', '满意', '基本满意'][i % 3], /已记录您的评价/);
          break;
        case 8:
          await say('帮我估算两化融合补贴', /第1题/);
          await say('是', /第2题/);
          await say('取消', /已退出|已取消/);
          day.turns += 3;
          interviews.started++;
          interviews.abandoned++;
          break;
        case 9:
          await say('好的，再见', /请为本次服务评价/);
          await say(i % 20 === 9 ? '不满意' : '满意', /已记录您的评价/);
          if (i % 20 === 9) await say('希望能写明申报流程和时间', /感谢您的意见/);
          day.turns++;
          break;
      }
    }
  } finally {
    vi.useRealTimers();
  }
  await app.insights!.flush();
  return { days, perDay, interviews };
}
