import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app';
import { isFragment } from '../src/search/engine';
import { askOnce } from './support/chat';

/**
 * A clear question said colloquially, through the real app (TestAdapter): words that only say
 * how it is put (挺高, 个帮) and the everyday word for the notice's (处理 for 处置) keep it inside.
 */
let app: App;
beforeAll(async () => {
  app = await createApp({ STORAGE: 'memory' });
});

const ask = (text: string): Promise<string> => askOnce(app, text);
const NOT_FOUND = /通知没有提到|没有在通知中找到|没有找到/;

describe('colloquial paraphrase', () => {
  it('an adverb with its adjective (挺高, 太贵) or a measure word with its verb (个帮) is how it is said, not a topic', () => {
    for (const word of ['挺高', '太贵', '个帮']) expect(isFragment(word)).toBe(true);
    for (const word of ['身份证', '医院', '首台套']) expect(isFragment(word)).toBe(false);
  });

  it('处理 an incident is （十二）’s 处置: the emergency platform, not outside', async () => {
    const reply = await ask('我们建了个帮园区企业处理安全事件的应急平台，一年运营费用挺高，能补吗');
    expect(reply).toMatch(/^\*\*能，如果\*\*[\s\S]*措施（十二）/);
    expect(reply).not.toMatch(NOT_FOUND);
    expect(await ask('网络攻击处理平台的运营费用能补多少')).toMatch(/措施（十二）[\s\S]*20%/);
  });
});
