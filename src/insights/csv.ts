import type { InsightsSummary } from './summary';

/** The tables of a summary, each exportable as CSV (the dashboard's 导出CSV buttons). */
export const TABLES = ['per-day', 'top-measures', 'unanswered', 'interviews', 'ratings', 'helpfulness', 'comments'] as const;
export type TableName = (typeof TABLES)[number];

type Cell = string | number;

/** Header and rows of one table. */
export function tableOf(
  summary: InsightsSummary & { measureNames?: Record<number, string> },
  table: TableName,
): { header: string[]; rows: Cell[][] } {
  const names = summary.measureNames ?? {};
  switch (table) {
    case 'per-day':
      return {
        header: ['日期', '已回答', '请用户选择措施', '未找到', '全部轮次'],
        rows: summary.perDay.map((d) => [d.day, d.answered, d.askedWhich, d.notFound, d.turns]),
      };
    case 'top-measures':
      return {
        header: ['措施', '名称', '回答次数', '平均匹配度', '有帮助', '没帮助'],
        rows: summary.topMeasures.map((m) => [m.measure, names[m.measure] ?? '', m.answers, m.meanScore ?? '', m.helpful, m.unhelpful]),
      };
    case 'unanswered':
      return {
        header: ['问题（已脱敏）', '次数', '相似问法'],
        rows: summary.unanswered.map((u) => [u.question, u.count, u.examples.join(' | ')]),
      };
    case 'interviews':
      return {
        header: ['规则', '开始', '完成', '放弃', '放弃时所在问题'],
        rows: summary.interviews.map((i) => [i.rule, i.started, i.completed, i.abandoned, i.leftAt.map((l) => `${l.input}×${l.count}`).join(' | ')]),
      };
    case 'ratings':
      return { header: ['好差评', '次数'], rows: summary.ratings.map((r) => [r.level, r.count]) };
    case 'helpfulness':
      return {
        header: ['对象', '有帮助', '没帮助'],
        rows: summary.helpfulness.map((h) => [h.target === 'answer' ? '回答' : '估算结果', h.helpful, h.unhelpful]),
      };
    case 'comments':
      return { header: ['日期', '评价', '意见（已脱敏）'], rows: summary.comments.map((c) => [c.day, c.level, c.comment]) };
  }
}

/**
 * RFC 4180 CSV with a byte-order mark (so spreadsheet programs read the Chinese), cells
 * quoted when needed, and a leading ' before =, +, - or @ so no cell runs as a formula.
 */
export function toCsv({ header, rows }: { header: string[]; rows: Cell[][] }): string {
  const cell = (value: Cell) => {
    let text = String(value);
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\ufeff${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
