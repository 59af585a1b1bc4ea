import { defineClause } from '../clause';
import { defineNotQuantified } from '../define';

/**
 * Measures that promise support but name no amount. Their estimate says what the
 * notice says and whom to ask; it never carries a figure.
 *
 *   estimate('technical-renovation', {}) → status 'not-quantified', units ['市工业和信息化局', '市财政局', '各区、市政府']
 */

export const crossIndustryPlatform = defineNotQuantified({
  id: 'cross-industry-platform',
  title: '跨行业跨领域平台股权、债权支持',
  subject: '设立在我市的跨行业跨领域工业互联网平台',
  clause: defineClause(
    4,
    '运用股权、债权等方式，对海尔卡奥斯等设立在我市的跨行业跨领域工业互联网平台给予重点支持，推动规模以上企业将研发设计、生产制造、运营管理等核心业务向平台迁移，全力打造具有全球引领力的工业互联网平台。',
  ),
  promise: '运用股权、债权等方式，对海尔卡奥斯等设立在我市的跨行业跨领域工业互联网平台给予重点支持',
  askNote: '支持方式和额度请咨询市工业和信息化局、市财政局或平台所在区、市政府。',
});

export const technicalRenovation = defineNotQuantified({
  id: 'technical-renovation',
  title: '技术改造综合奖补',
  subject: '符合条件的工业互联网技术改造项目',
  clause: defineClause(
    7,
    '实施企业技术改造提升行动，将工业互联网项目作为我市企业技术改造升级重点支持领域，对符合条件的项目给予技术改造综合奖补。',
  ),
  promise: '对符合条件的项目给予技术改造综合奖补',
  askNote: '奖补条件和标准按我市企业技术改造相关政策执行，请咨询市工业和信息化局、市财政局或所在区、市政府。',
});

export const fiveGPark = defineNotQuantified({
  id: '5g-park',
  title: '新建5G园区支持',
  subject: '新建并开通运营的5G园区',
  clause: defineClause(
    10,
    '鼓励各区、市对新建并开通运营的5G园区，在基站及配套设施建设费用、运行用电费用等方面给予支持。',
  ),
  promise: '在基站及配套设施建设费用、运行用电费用等方面给予支持',
  askNote: '通知只是鼓励各区、市给予支持，具体支持由各区、市确定，请咨询园区所在区、市政府。',
});

export const serviceProviderRegistration = defineNotQuantified({
  id: 'service-provider-registration',
  title: '服务商在青注册奖励',
  subject: '在青注册法人机构的国内外优秀工业互联网服务商',
  clause: defineClause(
    11,
    '支持各区、市结合当地产业优势，积极吸引国内外优秀工业互联网服务商在青注册法人机构，注册后按支持财源经济发展相关政策给予奖励。',
  ),
  promise: '注册后按支持财源经济发展相关政策给予奖励',
  askNote: '奖励按支持财源经济发展相关政策执行，请咨询注册地所在区、市政府，或市工业和信息化局、市财政局、市商务局。',
  requires: [{ input: 'registeredInQingdao', value: true, quote: '在青注册法人机构' }],
});

export const notQuantifiedRules = [crossIndustryPlatform, technicalRenovation, fiveGPark, serviceProviderRegistration];
