import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../src/knowledge';
import { PolicySearch, closeHits, findMeasureReference, normalizeQuery } from '../src/search';
import { cutQuestionWords } from '../src/search/segmenter';

const engine = new PolicySearch(loadKnowledge());
const topMeasure = (q: string) => engine.search(q).hits[0]?.measure.id;

describe('normalising a question', () => {
  it('turns traditional characters into simplified ones', () => {
    expect(normalizeQuery('兩化融合項目補貼多少')).toBe('两化融合项目补贴多少');
    expect(normalizeQuery('企業上雲有什麼補貼')).toBe('企业上云有什么补贴');
  });
  it('turns full-width characters into half-width ones', () => {
    expect(normalizeQuery('ＥＲＰ软件（八）')).toBe('ERP软件(八)');
  });
  it('writes Chinese amounts in digits but leaves words with numerals alone', () => {
    expect(normalizeQuery('投资五十万能补多少')).toBe('投资50万能补多少');
    expect(normalizeQuery('一千二百万元')).toBe('1200万元');
    expect(normalizeQuery('十佳场景示范的一次性奖励')).toBe('十佳场景示范的一次性奖励');
    // A rough amount keeps what makes it rough.
    expect(normalizeQuery('花了两百来万，服务了五十余家')).toBe('花了200来万,服务了50余家');
  });
  it('puts common mistypings of the notice’s words right (knowledge/typos.json)', () => {
    expect(normalizeQuery('设备技该项目')).toBe('设备技改项目');
    expect(normalizeQuery('楼顶装5g机站')).toBe('楼顶装5G基站');
    expect(normalizeQuery('评上十加场景能拿多少')).toBe('评上十佳场景能拿多少');
    expect(topMeasure('技该项目有没有奖补')).toBe(7);
    // An enterprise's 厂区 is where its 5G园区's base stations stand.
    expect(topMeasure('厂区里建几座5g机站有补贴吗')).toBe(10);
  });
});

describe('segmenting with the domain lexicon', () => {
  it('keeps the notice terms whole', () => {
    expect(cutQuestionWords('两化融合项目补贴')).toEqual(['两化融合', '项目', '补贴']);
    expect(cutQuestionWords('标识解析和上云用平台')).toEqual(['标识解析', '和', '上云用平台']);
    expect(cutQuestionWords('海尔卡奥斯')).toEqual(['海尔卡奥斯']);
  });
  it('keeps Latin words and numbers together, and a number with its unit', () => {
    expect(cutQuestionWords(normalizeQuery('买mes花了80万'))).toEqual(['买', 'MES', '花', '了', '80万']);
    // Not 300 and a 万 that the unknown run after it would take (万那档).
    expect(cutQuestionWords(normalizeQuery('300万那档奖励'))).toContain('300万');
  });
});

describe('direct references', () => {
  it.each([
    ['第八条讲的是什么', 8],
    ['措施(十二)', 12],
    ['措施8', 8],
    ['(十四)', 14],
    ['第二十条', 20],
    ['第3项', 3],
    ['（8）谁负责', 8],
  ])('%s → measure %i', (q, id) => {
    expect(findMeasureReference(normalizeQuery(q))).toBe(id);
  });
  it('does not take a year range, 5G or a bracketed digit for a reference', () => {
    expect(findMeasureReference(normalizeQuery('<script>alert(1)</script>'))).toBeUndefined();
    expect(findMeasureReference(normalizeQuery('三年攻坚实施方案(2020-2022年)'))).toBeUndefined();
    expect(findMeasureReference(normalizeQuery('5G基站'))).toBeUndefined();
    expect(findMeasureReference(normalizeQuery('补贴标准见附件(2)'))).toBeUndefined();
  });
  it('answers a reference without search, and nothing for a measure the notice lacks', () => {
    const response = engine.search('措施（十四）');
    expect(response.reference).toBe(14);
    expect(response.hits.map((h) => h.measure.id)).toEqual([14]);
    expect(engine.search('第二十五条').hits).toEqual([]);
  });
});

describe('searching the measures', () => {
  it('finds the measure a question is about, with a snippet from it', () => {
    const [hit] = engine.search('买工业软件能补贴吗').hits;
    expect(hit.measure.number).toBe('（八）');
    expect(hit.measure.text).toContain(hit.snippet);
    expect(hit.snippet).toContain('工业软件');
  });
  it('counts a term of neighbouring policy whole, never by its parts (knowledge/other-policy.txt)', () => {
    expect(engine.search('芯片和集成电路企业有补贴吗').hits).toEqual([]);
    expect(engine.search('高新技术企业认定奖励').hits.map((hit) => hit.measure.id)).not.toContain(7);
  });
  it('understands the words users type for the notice terms', () => {
    expect(topMeasure('我们上了MES系统，有钱拿吗')).toBe(8);
    expect(topMeasure('COSMOPlat这种平台政府怎么支持')).toBe(4);
    expect(topMeasure('技改项目有没有奖补')).toBe(7);
  });
  it('finds an award by the rate it pays, and ignores a rate no measure pays', () => {
    expect(topMeasure('10%的那个')).toBe(3);
    expect(engine.search('20%的有哪几项').hits.map((h) => h.measure.id).sort((a, b) => a - b)).toEqual([6, 8, 12]);
    expect(engine.words('补贴30%吗')).toEqual(['补贴']);
    expect(engine.unknownWords('补贴30%吗')).toEqual([]);
  });
  it('understands the units and bodies by the names people use (发改委, 行业协会) and 一年 for 年度', () => {
    expect(topMeasure('行业协会可以参与什么')).toBe(18);
    expect(topMeasure('发改委和科技局一起负责的共性技术')).toBe(16);
    expect(topMeasure('服务商一年封顶多少')).toBe(6);
  });
  it('returns nothing rather than the least bad measure', () => {
    expect(engine.search('今天天气怎么样').hits).toEqual([]);
    expect(engine.search('个人所得税怎么申报').hits).toEqual([]);
    expect(engine.search('？？？').hits).toEqual([]);
  });
  it('answers nothing about another city\'s policy, but keeps questions that also name Qingdao', () => {
    expect(engine.search('北京的工业互联网有什么补贴政策').hits).toEqual([]);
    expect(engine.search('济南的两化融合补贴多少').hits).toEqual([]);
    expect(topMeasure('深圳的服务商来青岛注册法人机构有奖励吗')).toBe(11);
    expect(topMeasure('黄岛区的企业两化融合项目补贴多少')).toBe(8);
  });
  it('does not take an ordinary word the notice itself writes for another city (jieba tags 新建 and 深度 as places)', () => {
    expect(topMeasure('对新建的5G园区基站有什么支持')).toBe(10);
    expect(engine.search('推进两化深度融合的补贴').elsewhere).toBeUndefined();
  });
  it('tells when the two best hits are too close to choose', () => {
    const hits = engine.search('平台服务商名录').hits;
    expect(hits.slice(0, 2).map((h) => h.measure.id).sort()).toEqual([5, 6]);
    expect(closeHits(engine.search('两化融合项目补贴多少').hits)).toHaveLength(1);
    // A bare 补贴: every measure with money matches only through synonyms, equally.
    const bare = closeHits(engine.search('补贴', { limit: 3 }).hits);
    expect(bare.length).toBeGreaterThanOrEqual(2);
    expect(bare.every((hit) => hit.coverage === bare[0].coverage)).toBe(true);
  });
});

describe('text pasted from a scraped portal page', () => {
  // ../shared/notice/as-scraped.txt: traditional script, pinyin after characters, mojibake.
  const scraped = readFileSync(join(__dirname, '..', '..', 'shared', 'notice', 'as-scraped.txt'), 'utf8');
  const { measures } = loadKnowledge();

  it('normalises back to the clean wording of the measures', () => {
    expect(normalizeQuery('關(guān)于加快工業(yè)互聯(lián)網(wǎng)')).toBe('关于加快工业互联网');
    // The mojibake ate most measure numbers and titles; the bodies survive.
    const normalized = normalizeQuery(scraped);
    const found = measures.filter((m) => normalized.includes(normalizeQuery(m.body).slice(0, 20)));
    expect(found.length).toBeGreaterThanOrEqual(19);
    expect(normalized).not.toMatch(/\((GUĀN|YÈ|LIÁN|WǍNG)\)/);
  });

  it('finds the measure a pasted scraped sentence comes from', () => {
    const sentence = '對(duì)企業(yè)年度內(nèi)在網(wǎng)絡(luò)、工業(yè)軟件、系統(tǒng)集成等方面完成投資50萬(wàn)元以上的竣工';
    expect(topMeasure(sentence)).toBe(8);
  });
});

describe('words the trimmed dictionary lacks', () => {
  it('merges a run of characters no dictionary word covered back into one unknown word', () => {
    expect(engine.words('首台套保险补偿有吗')).toContain('首台套');
    expect(engine.words('稳岗补贴怎么领取')).toContain('稳岗');
    // Frequent single words stay apart: 里|建 is not a word.
    expect(engine.words('园区里建5G基站')).toEqual(['园区', '5G基站']);
  });
  it('leaves out adverbs and pronouns the notice never writes: they say how a question is put, not what about', () => {
    expect(engine.words('标识解析的奖励到底怎么算')).toEqual(['标识解析', '奖励']);
    expect(engine.search('场景清单究竟是怎么回事').hits[0].uncovered).toEqual([]);
    // A noun the notice lacks still counts against every measure.
    expect(engine.search('专利申请费能资助吗').unknown).toContain('专利申请');
  });
  it('leaves out a verb and its complement jieba does not know (投到, 纳进): how it is done, not what', () => {
    expect(engine.words('最多能投到多少')).not.toContain('投到');
    expect(engine.search('事业单位的项目能纳进场景清单吗').unknown).toEqual([]);
    // A word it does not know that is no such pair still counts (稳岗).
    expect(engine.search('稳岗补贴怎么领').unknown).toContain('稳岗');
  });
  it('names the words the notice does not mention, joined where they stand together', () => {
    expect(engine.unknownWords('研发费用加计扣除怎么算')).toEqual(['加计扣除']);
    expect(engine.unknownWords('两化融合项目补贴多少')).toEqual([]);
    expect(engine.search('首台套保险补偿有吗').hits).toEqual([]);
  });
  it('tells which words of the question the best measure leaves out', () => {
    const [hit] = engine.search('人才落户有什么政策').hits;
    expect(hit.measure.id).toBe(17);
    expect(hit.uncovered).toContain('落户');
    expect(engine.mentions('落户')).toBe(false);
    expect(engine.mentions('人才')).toBe(true);
  });
});

describe('the synonyms', () => {
  it('are words jieba keeps whole, or phrases the notice writes: a split synonym never matches a question word', () => {
    const { synonyms, measures } = loadKnowledge();
    const notice = measures.map((m) => normalizeQuery(m.text)).join('\n');
    const split = synonyms
      .flatMap((group) => group.terms)
      .filter((term) => cutQuestionWords(normalizeQuery(term)).length !== 1 && !notice.includes(normalizeQuery(term)));
    expect(split).toEqual([]);
  });
});
