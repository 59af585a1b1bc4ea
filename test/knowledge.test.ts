import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge, renderNotice, splitUnits, getMeasure } from '../src/knowledge';

const sharedNotice = join(__dirname, '..', '..', 'shared', 'notice', 'notice.zh-Hans.txt');

describe('the notice as knowledge', () => {
  const { notice, measures } = loadKnowledge();

  it('has its facts', () => {
    expect(notice.issuer).toBe('青岛市人民政府办公厅');
    expect(notice.issued).toBe('2020-08-05');
    expect(notice.validUntil).toBe('2022-12-31');
    expect(notice.publication).toBe('（此件公开发布）');
    expect(notice.addressees).toBe('各区、市人民政府，青岛西海岸新区管委，市政府各部门，市直各单位：');
  });

  it('has 5 sections and 20 measures numbered （一）…（二十） in order', () => {
    expect(notice.sections.map((s) => s.measures.length)).toEqual([3, 5, 4, 5, 3]);
    expect(measures.map((m) => m.id)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(measures[13].number).toBe('（十四）');
    expect(measures[19].number).toBe('（二十）');
  });

  it('gives each measure its first sentence as title and its units as a list', () => {
    const eight = getMeasure(8)!;
    expect(eight.title).toBe('推进两化深度融合');
    expect(eight.units).toEqual(['市工业和信息化局', '市财政局', '各区、市政府']);
    expect(eight.body.startsWith('支持中小企业')).toBe(true);
    expect(getMeasure(15)!.units).toEqual(['市地方金融监管局', '人民银行青岛市中心支行', '青岛银保监局']);
    expect(getMeasure(19)!.units).toEqual(['各区、市政府']);
  });

  it('puts the measures back together into exactly the notice text', () => {
    const original = readFileSync(sharedNotice, 'utf8');
    expect(renderNotice(notice)).toBe(original);
    // Every measure's text is a verbatim line of the notice.
    for (const measure of measures) expect(original).toContain(`\n${measure.text}\n`);
  });

  it('splits unit lists on 、 and ， but keeps 各区、市政府 whole', () => {
    expect(splitUnits('市委组织部，市人力资源社会保障局、市教育局')).toEqual([
      '市委组织部',
      '市人力资源社会保障局',
      '市教育局',
    ]);
  });
});
