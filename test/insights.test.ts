import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv, tableOf } from '../src/insights/csv';
import { dayOf, type InsightEvent } from '../src/insights/events';
import { maskPersonalData } from '../src/insights/mask';
import { InsightsRecorder } from '../src/insights/recorder';
import { groupSimilar, summarize } from '../src/insights/summary';
import { MemoryInsights } from '../src/state/memory';

describe('masking personal data', () => {
  it('masks phones, ID numbers, e-mails, amounts, names and enterprises, and keeps the question', () => {
    expect(maskPersonalData('我是张伟，电话13812345678，我们青岛海尔科技有限公司投了300万，能补多少')).toBe(
      '我是〔姓名〕,电话〔号码〕,〔企业〕投了〔金额〕,能补多少',
    );
    expect(maskPersonalData('身份证370202199001011234的个体户能申请吗')).toContain('〔证件号〕');
    expect(maskPersonalData('请回复到 wang.li@qd-example.cn')).toContain('〔邮箱〕');
    expect(maskPersonalData('李明想问一下5G基站有补贴吗')).toBe('〔姓名〕想问一下5G基站有补贴吗');
    expect(maskPersonalData('王经理说五十万可以补吗')).toBe('〔姓名〕经理说〔金额〕可以补吗');
    expect(maskPersonalData('联系电话0532-88886666')).toBe('联系电话〔号码〕');
    expect(maskPersonalData('两化融合项目补贴多少')).toBe('两化融合项目补贴多少');
    expect(maskPersonalData('第八条')).toBe('第八条');
  });

  const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
  const phone = fc.oneof(
    fc.tuple(fc.constantFrom('13', '15', '17', '18', '19'), digits(9)).map(([a, b]) => a + b),
    fc.tuple(fc.constantFrom('0532', '010', '021', '0531'), fc.constantFrom('-', '', ' '), digits(8)).map(([a, s, b]) => a + s + b),
    fc.tuple(fc.constantFrom('+86 ', '+86-', '86'), fc.constantFrom('13', '18'), digits(9)).map(([p, a, b]) => p + a + b),
  );
  const idNumber = fc.tuple(digits(17), fc.constantFrom('0', '5', '9', 'X', 'x')).map(([a, b]) => a + b);
  const email = fc
    .tuple(fc.stringMatching(/^[a-z][a-z0-9._+-]{0,14}$/), fc.stringMatching(/^[a-z0-9-]{1,12}$/), fc.constantFrom('cn', 'com', 'gov.cn', 'org'))
    .map(([user, host, tld]) => `${user}@${host}.${tld}`);
  const around = fc.string({ unit: fc.constantFrom(...'我们的企业想问电话是邮箱联系补贴多少两化融合号码，。：: 请回复到'), maxLength: 12 });

  it('never keeps a phone number, ID number or e-mail, wherever it stands (property)', () => {
    fc.assert(
      fc.property(around, fc.oneof(phone, idNumber, email), around, (before, secret, after) => {
        const masked = maskPersonalData(`${before}${secret}${after}`);
        const bare = secret.replace(/[^0-9a-zA-Z]/g, '').toUpperCase();
        expect(masked.replace(/[^0-9a-zA-Z]/g, '').toUpperCase()).not.toContain(bare.length >= 7 ? bare : '\u0000');
        expect(masked.toUpperCase()).not.toContain(secret.toUpperCase());
      }),
      { numRuns: 2000 },
    );
  });
});

const at = (day: string, hour = 10) => Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
const turn = (day: string, outcome: string, extra: Partial<InsightEvent> = {}): InsightEvent =>
  ({ kind: 'turn', at: at(day), channel: 'directline', conversation: 'c1', id: `${day}-${Math.random()}`, outcome, ...extra }) as InsightEvent;

describe('the summary', () => {
  it('counts questions per day (China time), top measures, ratings and comments', () => {
    const events: InsightEvent[] = [
      turn('2026-11-01', 'answered', { measure: 8, score: 1 }),
      turn('2026-11-01', 'answered', { measure: 8, score: 0.75 }),
      turn('2026-11-01', 'asked-which'),
      turn('2026-11-02', 'not-found', { question: '首台套保险补偿有吗' }),
      turn('2026-11-02', 'answered', { measure: 6 }),
      { kind: 'rating', at: at('2026-11-02'), channel: 'test', conversation: 'c1', target: 'answer', value: 'helpful', measure: 8 },
      { kind: 'rating', at: at('2026-11-02'), channel: 'test', conversation: 'c2', target: 'service', value: '不满意' },
      { kind: 'comment', at: at('2026-11-02'), channel: 'test', conversation: 'c2', level: '不满意', comment: '希望有申报流程' },
      { kind: 'rating', at: at('2026-11-02'), channel: 'test', conversation: 'c3', target: 'service', value: '非常满意' },
    ];
    const summary = summarize(events, '2026-11-01', '2026-11-03');
    expect(summary.perDay).toEqual([
      { day: '2026-11-01', answered: 2, askedWhich: 1, notFound: 0, turns: 3 },
      { day: '2026-11-02', answered: 1, askedWhich: 0, notFound: 1, turns: 2 },
      { day: '2026-11-03', answered: 0, askedWhich: 0, notFound: 0, turns: 0 },
    ]);
    expect(summary.topMeasures).toEqual([
      { measure: 8, answers: 2, meanScore: 0.88, helpful: 1, unhelpful: 0 },
      { measure: 6, answers: 1, meanScore: null, helpful: 0, unhelpful: 0 },
    ]);
    expect(summary.unanswered).toEqual([{ question: '首台套保险补偿有吗', count: 1, examples: ['首台套保险补偿有吗'] }]);
    expect(summary.ratings.find((r) => r.level === '不满意')?.count).toBe(1);
    expect(summary.comments).toEqual([{ day: '2026-11-02', level: '不满意', comment: '希望有申报流程' }]);
    expect(dayOf(Date.parse('2026-11-01T23:30:00+08:00'))).toBe('2026-11-01');
    expect(dayOf(Date.parse('2026-11-01T16:30:00Z'))).toBe('2026-11-02'); // 00:30 in Qingdao
  });

  it('counts interviews started, completed and abandoned per rule, and where people left', () => {
    const step = (conversation: string, minute: number, s: string, input?: string): InsightEvent =>
      ({ kind: 'interview', at: at('2026-11-05') + minute * 60_000, channel: 'test', conversation, rule: 'two-integration', step: s, ...(input ? { input } : {}) }) as InsightEvent;
    const events = [
      step('a', 0, 'start'), step('a', 1, 'ask', 'isSme'), step('a', 2, 'ask', 'investment'), step('a', 3, 'done'),
      step('b', 0, 'start'), step('b', 1, 'ask', 'isSme'), step('b', 2, 'ask', 'completed'),
      step('c', 0, 'start'), step('c', 1, 'ask', 'isSme'), step('c', 2, 'cancel', 'isSme'),
      step('a', 10, 'start'), step('a', 11, 'ask', 'isSme'), // a second run in the same conversation, left
    ];
    expect(summarize(events, '2026-11-05', '2026-11-05').interviews).toEqual([
      { rule: 'two-integration', started: 4, completed: 1, abandoned: 3, leftAt: [{ input: 'isSme', count: 2 }, { input: 'completed', count: 1 }] },
    ]);
  });

  it('groups similar unanswered questions, the most frequent wording first', () => {
    const groups = groupSimilar(['首台套保险补偿有吗', '首台套保险补偿有吗', '首台套保险补偿政策', '研发费用加计扣除怎么算', '研发费用加计扣除比例']);
    expect(groups.map((g) => [g.question, g.count])).toEqual([
      ['首台套保险补偿有吗', 3],
      ['研发费用加计扣除怎么算', 2],
    ]);
  });
});

describe('CSV export', () => {
  it('writes a BOM, quotes what needs it and never lets a cell start a formula', () => {
    const csv = toCsv({ header: ['问题', '次数'], rows: [['=HYPERLINK("x")', 2], ['a,b', 1], ['第一行\n第二行', 3]] });
    expect(csv.startsWith('\ufeff问题,次数\r\n')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")",2`);
    expect(csv).toContain('"a,b",1');
    expect(csv).toContain('"第一行\n第二行",3');
  });

  it('exports each table of a summary with a header row', () => {
    const summary = summarize([turn('2026-11-01', 'answered', { measure: 3 })], '2026-11-01', '2026-11-01');
    expect(tableOf(summary, 'per-day')).toEqual({ header: ['日期', '已回答', '请用户选择措施', '未找到', '全部轮次'], rows: [['2026-11-01', 1, 0, 0, 1]] });
  });
});

describe('the recorder', () => {
  it('writes events in batches and forgets what is older than the retention', async () => {
    const store = new MemoryInsights();
    let now = Date.parse('2026-11-27T12:00:00+08:00');
    await store.append([turn('2026-05-01', 'answered'), turn('2026-06-01', 'answered')]);
    const recorder = new InsightsRecorder(store, { retentionDays: 180, flushMs: 60_000, now: () => now });
    recorder.record(turn('2026-11-27', 'not-found'));
    expect(await store.between('2026-11-27', '2026-11-27')).toEqual([]); // buffered
    await recorder.flush();
    expect(await store.between('2026-11-27', '2026-11-27')).toHaveLength(1);
    await recorder.sweep();
    const kept = await store.between('2026-01-01', '2026-12-31');
    expect(kept.map((e) => dayOf(e.at))).toEqual(['2026-06-01', '2026-11-27']); // 2026-05-01 is past 180 days
    now += 30 * 24 * 3600_000;
    await recorder.sweep();
    expect((await store.between('2026-01-01', '2026-12-31')).map((e) => dayOf(e.at))).toEqual(['2026-11-27']);
    await recorder.close();
  });
});
