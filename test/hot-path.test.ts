import * as fs from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadKnowledge } from '../src/knowledge';
import { respond, type QaContext } from '../src/replies';
import { PolicySearch } from '../src/search';

vi.mock('node:fs', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs')>();
  return {
    ...original,
    existsSync: vi.fn(original.existsSync),
    readFileSync: vi.fn(original.readFileSync),
    statSync: vi.fn(original.statSync),
    readdirSync: vi.fn(original.readdirSync),
  };
});

describe('the hot path', () => {
  let ctx: QaContext;
  beforeAll(() => {
    const knowledge = loadKnowledge();
    ctx = { notice: knowledge.notice, search: new PolicySearch(knowledge), isEstimable: () => true };
    respond('两化融合项目补贴多少', undefined, ctx); // first use may load lazily kept tables
  });

  it('answers questions without touching the file system', () => {
    vi.mocked(fs.existsSync).mockClear();
    vi.mocked(fs.readFileSync).mockClear();
    vi.mocked(fs.statSync).mockClear();
    vi.mocked(fs.readdirSync).mockClear();
    for (const question of ['企业上云有什么补贴', '北京的补贴政策', '這條的責任單位是誰', '个人所得税怎么申报', '第十四条']) {
      respond(question, 8, ctx);
    }
    expect(fs.existsSync).not.toHaveBeenCalled();
    expect(fs.readFileSync).not.toHaveBeenCalled();
    expect(fs.statSync).not.toHaveBeenCalled();
    expect(fs.readdirSync).not.toHaveBeenCalled();
  });
});
