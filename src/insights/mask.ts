import { normalizeQuery } from '../search/normalize';
import { taggedWords } from '../search/segmenter';

/**
 * A user's words as the insights may keep them: normalised (as search sees them), with
 * whatever could identify a person or an enterprise, or state an amount, replaced by a
 * bracketed label. Better to mask too much than too little (个人信息保护法).
 *
 *   maskPersonalData('我是张伟，电话13812345678，我们青岛某某科技有限公司投了300万')
 *     → '我是〔姓名〕,电话〔号码〕,我们〔企业〕投了〔金额〕'
 */
export function maskPersonalData(text: string): string {
  let masked = normalizeQuery(text).slice(0, 500);
  for (const [pattern, label] of PATTERNS) masked = masked.replace(pattern, label);
  return maskTaggedNames(masked);
}

const CJK = '[\\u4e00-\\u9fff]';
/** The most common Chinese surnames (about four people in five carry one of them). */
const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';

/** In order: the longer, more specific shapes first. */
const PATTERNS: [RegExp, string][] = [
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '〔邮箱〕'],
  // ID numbers (18 or 15 digits), then any other long run of digits (phones, accounts, credit codes).
  [/(?<![\dA-Z])\d{17}[\dX](?![\dA-Z])/g, '〔证件号〕'],
  [/(?<![\dA-Z])[0-9A-Z]{18}(?![\dA-Z])/g, '〔证件号〕'], // 统一社会信用代码
  [/(?:\+?86[- ]?)?(?<!\d)(?:\d[- ]?){6,}\d(?!\d)/g, '〔号码〕'],
  // Amounts and counts: a number with a unit of money, or any number of 3 digits or more.
  [/\d+(?:[.,]\d+)*\s*(?:万亿|亿|万|千|百|元|块|W|K)+(?:元|块)?/g, '〔金额〕'],
  [/\d{3,}(?:\.\d+)?/g, '〔金额〕'],
  // Enterprises: a name ending in what enterprises are called.
  [new RegExp(`(?:${CJK}|[A-Z0-9()]){2,24}?(?:有限责任公司|股份有限公司|有限公司|集团|股份公司|研究院|研究所|工厂|科技公司)`, 'g'), '〔企业〕'],
  // People: after the words that introduce a name, or before a title.
  [new RegExp(`(?<=我是|我叫|本人|姓名[:：]?|联系人[:：]?|经办人[:：]?)${CJK}{2,3}`, 'g'), '〔姓名〕'],
  [new RegExp(`${CJK}(?=先生|女士|小姐|经理|总监|主任|科长|处长|局长|老师|师傅)`, 'g'), '〔姓名〕'],
  // A common surname and one or two characters opening a clause, before a verb of asking
  // (李明想问…): the trimmed dictionary knows few names, so jieba alone misses them.
  [new RegExp(`(?<=^|[,.!?;:\\s])[${SURNAMES}]${CJK}{1,2}?(?=想|要|问|说|咨询|请问|打电话|的电话|的手机|留言)`, 'g'), '〔姓名〕'],
];

/** Person (nr*) and organisation (nt) names as jieba tags them. */
function maskTaggedNames(text: string): string {
  return taggedWords(text)
    .map(({ word, tag }) => (/^nr/.test(tag) && [...word].length >= 2 ? '〔姓名〕' : tag === 'nt' ? '〔企业〕' : word))
    .join('');
}
