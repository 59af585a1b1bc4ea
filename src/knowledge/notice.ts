import { z } from 'zod';
import { parseChineseNumber } from './chinese-numbers';

/**
 * The notice as data. Parsed from knowledge/notice.zh-Hans.txt (one paragraph a line),
 * validated with zod, and rendered back by `renderNotice` to exactly the same text:
 * the text is the single source of truth, everything else is derived from it.
 */

export const MeasureSchema = z.object({
  id: z.number().int().min(1).max(20),
  /** "（八）" */
  number: z.string().regex(/^（[一二三四五六七八九十]+）$/),
  /** The first sentence, without its full stop: "推进两化深度融合". */
  title: z.string().min(2),
  /** The whole paragraph, verbatim, number and units included. */
  text: z.string().min(10),
  /** The paragraph between the title and the units: what the measure does. */
  body: z.string().min(10),
  /** "市工业和信息化局、市财政局，各区、市政府" → ["市工业和信息化局", "市财政局", "各区、市政府"] */
  units: z.array(z.string().min(2)).min(1),
  /** 1-based index of the section the measure belongs to. */
  section: z.number().int().min(1).max(5),
});

export const SectionSchema = z.object({
  id: z.number().int().min(1).max(5),
  /** "一、构建完备的工业互联网生态" */
  heading: z.string(),
  /** "构建完备的工业互联网生态" */
  title: z.string().min(2),
  measures: z.array(MeasureSchema).min(1),
});

export const NoticeSchema = z.object({
  title: z.literal('关于加快工业互联网高质量发展若干措施的通知'),
  addressees: z.string().startsWith('各区、市人民政府'),
  preamble: z.string(),
  sections: z.array(SectionSchema).length(5),
  validitySentence: z.string().includes('有效期至'),
  issuer: z.literal('青岛市人民政府办公厅'),
  /** As printed: "2020年8月5日" */
  dateLine: z.string(),
  publication: z.literal('（此件公开发布）'),
  /** ISO forms of the dates the text states. */
  issued: z.literal('2020-08-05'),
  validUntil: z.literal('2022-12-31'),
});

export type Measure = z.infer<typeof MeasureSchema>;
export type Section = z.infer<typeof SectionSchema>;
export type Notice = z.infer<typeof NoticeSchema>;

const SECTION_LINE = /^([一二三四五])、(.+)$/;
const MEASURE_LINE = /^（([一二三四五六七八九十]+)）(.+)$/;
// Every measure ends with its units in brackets; (二十) says "…会同有关单位负责".
const UNITS_TAIL = /（责任单位：(.+)）$/;

/** Splits a units list on "、" and "，" but keeps "各区、市政府" whole: it is one addressee. */
export function splitUnits(list: string): string[] {
  const protectedList = list.replace(/各区、市/g, '各区\u0000市');
  return protectedList
    .split(/[、，,]/)
    .map((unit) => unit.replace('\u0000', '、').trim())
    .filter(Boolean);
}

function isoDate(dateLine: string): string {
  const match = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(dateLine);
  if (!match) throw new Error(`not a date: ${dateLine}`);
  const [, y, m, d] = match;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

function parseMeasure(line: string, section: number): Measure {
  const match = MEASURE_LINE.exec(line);
  const units = UNITS_TAIL.exec(line);
  if (!match || !units) throw new Error(`not a measure line: ${line.slice(0, 30)}`);
  const id = parseChineseNumber(match[1]);
  const rest = match[2];
  const titleEnd = rest.indexOf('。');
  const body = line.slice(line.indexOf('）') + 1 + titleEnd + 1, units.index);
  return {
    id: id ?? 0,
    number: `（${match[1]}）`,
    title: rest.slice(0, titleEnd),
    text: line,
    body,
    units: splitUnits(units[1].replace(/会同有关单位负责$/, '、有关单位')),
    section,
  };
}

/** Parses the notice's text; throws (via zod) if it does not have the expected shape. */
export function parseNotice(text: string): Notice {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const [title, addressees, preamble] = lines;
  const sections: Section[] = [];
  let index = 3;
  for (; index < lines.length; index++) {
    const line = lines[index];
    const sectionMatch = SECTION_LINE.exec(line);
    if (sectionMatch) {
      const id = sections.length + 1;
      sections.push({ id, heading: line, title: sectionMatch[2], measures: [] });
    } else if (MEASURE_LINE.test(line) && sections.length > 0) {
      sections[sections.length - 1].measures.push(parseMeasure(line, sections.length));
    } else {
      break;
    }
  }
  const [validitySentence, issuer, dateLine, publication] = lines.slice(index);
  const validUntilMatch = /有效期至(\d{4}年\d{1,2}月\d{1,2}日)/.exec(validitySentence ?? '');
  return NoticeSchema.parse({
    title,
    addressees,
    preamble,
    sections,
    validitySentence,
    issuer,
    dateLine,
    publication,
    issued: dateLine ? isoDate(dateLine) : undefined,
    validUntil: validUntilMatch ? isoDate(validUntilMatch[1]) : undefined,
  });
}

/** The notice's text, put back together from its parts: equals the file it came from. */
export function renderNotice(notice: Notice): string {
  const paragraphs = [
    `${notice.title}\n${notice.addressees}`,
    notice.preamble,
    ...notice.sections.flatMap((section) => [section.heading, ...section.measures.map((m) => m.text)]),
    notice.validitySentence,
    `${notice.issuer}\n${notice.dateLine}\n${notice.publication}`,
  ];
  return paragraphs.join('\n\n') + '\n';
}

export const allMeasures = (notice: Notice): Measure[] => notice.sections.flatMap((s) => s.measures);

/** A measure's body as sentences, each with its 。 or ；: the unit answers quote. */
export function sentencesOf(text: string): string[] {
  return text.split(/(?<=[。；])/).filter((s) => s.trim() !== '');
}
