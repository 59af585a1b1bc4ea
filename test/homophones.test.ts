import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app';
import { loadKnowledge } from '../src/knowledge';
import { readFileSync } from 'node:fs';
import { knowledgePath } from '../src/knowledge/paths';
import { buildHomophoneTable } from '../src/search/homophone-table';
import { correctHomophones, HOMOPHONES_FILE } from '../src/search/homophones';
import { askOnce } from './support/chat';

/**
 * Pinyin input's typos of the notice's terms (src/search/homophones.ts): one character of a
 * term of four or more typed as another with the same sound.
 */
describe('homophone typos of the notice’s terms', () => {
  it('puts right one character typed by its sound, with the tone and zh/z, -ng/-n mixed up', () => {
    expect(correctHomophones('标示解析的奖励')).toBe('标识解析的奖励');
    expect(correctHomophones('工业互连网平台')).toBe('工业互联网平台');
    expect(correctHomophones('上云用平太奖补')).toBe('上云用平台奖补');
    expect(correctHomophones('搞技术改照')).toBe('搞技术改造'); // zhao for zao
    expect(correctHomophones('海尔卡奥思')).toBe('海尔卡奥斯'); // a typo of the term's first character too
    expect(correctHomophones('这个拨改头是啥')).toBe('这个拨改投是啥'); // a term of three characters
  });

  it('leaves a character that only looks alike, two typed characters, and function characters', () => {
    expect(correctHomophones('数字化车问')).toBe('数字化车问'); // wen is not jian: knowledge/typos.json has it
    expect(correctHomophones('两花绒合')).toBe('两花绒合');
    expect(correctHomophones('在平台服务上的投入')).toBe('在平台服务上的投入'); // 上 for 商 is another word
    expect(correctHomophones('设备都联上网了')).toBe('设备都联上网了'); // 联上网 and 连上网 are both terms
  });

  it('reads a table that is up to date with the lexicon (run npm run build:dict after changing it)', () => {
    expect(JSON.parse(readFileSync(knowledgePath(HOMOPHONES_FILE), 'utf8'))).toEqual(buildHomophoneTable());
  });

  it('changes nothing in the notice’s own text', () => {
    for (const measure of loadKnowledge().measures) expect(correctHomophones(measure.text)).toBe(measure.text);
  });
});

describe('through the bot', () => {
  let app: App;
  beforeAll(async () => {
    app = await createApp({ STORAGE: 'memory' });
  });

  it('a question with a homophone typo of a term is answered from its measure', async () => {
    expect(await askOnce(app, '安全应集处置平台最多补多少')).toContain('措施（十二）');
    expect(await askOnce(app, '智能共厂认定了奖多少')).toContain('措施（三）');
  });
});
