import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayOf } from '../src/insights/events';
import { HISTORY_LIMITS } from '../src/state';
import { SqliteStore } from '../src/state/sqlite';
import { tempDataDir } from './support/child-server';

const root = join(__dirname, '..');
const run = (args: string[], env: Record<string, string>) =>
  execFileSync(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'insights.ts'), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
  });

describe('npm run insights', () => {
  it('prints the figures of a date range and the unanswered questions as evaluation JSONL', async () => {
    const dir = tempDataDir();
    const store = SqliteStore.open(dir, { maxConversations: 100, maxConversationsPerClient: 10, idleExpirySeconds: 3600, ...HISTORY_LIMITS });
    const at = Date.now();
    await store.insights.append([
      { kind: 'turn', at, channel: 'directline', conversation: 'a', id: '1', outcome: 'answered', measure: 8 },
      { kind: 'turn', at, channel: 'directline', conversation: 'a', id: '2', outcome: 'not-found', question: '首台套保险补偿有吗' },
      { kind: 'turn', at, channel: 'directline', conversation: 'b', id: '3', outcome: 'not-found', question: '首台套保险补偿有吗' },
      { kind: 'rating', at, channel: 'directline', conversation: 'b', target: 'service', value: '满意' },
    ]);
    await store.close();
    const env = { STORAGE: 'sqlite', DATA_DIR: dir };
    const today = dayOf(at);

    const report = run(['--since', today], env);
    expect(report).toContain(`${today} … ${today}（sqlite）：3 轮提问，已回答 1，请用户选择 0，未找到 2，2 个会话`);
    expect(report).toMatch(/热门措施\n.*\n {2}8 \| （八）推进两化深度融合 \| 1 \|  \| 0 \| 0/);
    expect(report).toMatch(/好差评[\s\S]*满意 \| 1/);

    const jsonl = run(['--since', today, '--jsonl'], env).trim().split('\n');
    expect(jsonl.map((line) => JSON.parse(line))).toEqual([{ q: '首台套保险补偿有吗', expect: [] }]);
  });

  it('asks for --since', () => {
    expect(() => run([], { STORAGE: 'memory' })).toThrow(/--since YYYY-MM-DD is required/);
  });
});
