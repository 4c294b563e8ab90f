import type { Form } from '../types.ts';

/** One indicator code of spec/indicators.md, with the label texts that denote it. */
export interface IndicatorDef {
  code: string;
  /** Canonical label as the official table prints it. */
  label: string;
  /** Other printed labels and typos seen in real reports. */
  variants?: readonly string[];
  unit: string;
  forms: readonly Form[];
  /** The section the code belongs to, for context-dependent labels such as 被依法纠错数. */
  section: string;
  /** A section row: a blank cell on it means "no figure", not a blank value. */
  sectionRow?: boolean;
}

const OLD: readonly Form[] = ['provincial', 'national-2014'];
const NAT: readonly Form[] = ['national-2014'];
const PROV: readonly Form[] = ['provincial'];
const GOV: readonly Form[] = ['gov-2019', 'gov-2021'];
const G19: readonly Form[] = ['gov-2019'];
const G21: readonly Form[] = ['gov-2021'];

/** The codes of the pre-2019 tables and of prose (spec/indicators.md, first table). */
const oldTableCodes: IndicatorDef[] = [
  {
    code: 'proactive.sectionTotal',
    label: '一、主动公开情况',
    unit: '条',
    forms: NAT,
    section: 'proactive',
    sectionRow: true,
  },
  {
    code: 'proactive.items',
    label: '(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条)',
    variants: ['主动公开政府信息数', '主动公开信息数', '主动公开文件数'],
    unit: '条',
    forms: OLD,
    section: 'proactive',
  },
  {
    code: 'proactive.normativeDocs',
    label: '其中:主动公开规范性文件数',
    variants: ['主动公开规范性文件数'],
    unit: '条',
    forms: NAT,
    section: 'proactive',
  },
  {
    code: 'proactive.normativeDocsIssued',
    label: '制发规范性文件总数',
    variants: ['制发规范文件性文件总数', '制发规范性文件数'],
    unit: '件',
    forms: NAT,
    section: 'proactive',
  },
  {
    code: 'proactive.channels',
    label: '(二)通过不同渠道和方式公开政府信息的情况',
    variants: ['通过不同渠道和方式公开政府信息'],
    unit: '条',
    forms: NAT,
    section: 'proactive',
    sectionRow: true,
  },
  {
    code: 'proactive.channels.gazette',
    label: '政府公报公开政府信息数',
    variants: ['政府公报公开数', '政府公报公开'],
    unit: '条',
    forms: OLD,
    section: 'proactive',
  },
  {
    code: 'proactive.channels.website',
    label: '政府网站公开政府信息数',
    variants: ['网站公开政府信息数', '政府网站公开数', '网站公开'],
    unit: '条',
    forms: OLD,
    section: 'proactive',
  },
  {
    code: 'proactive.channels.weibo',
    label: '政务微博公开政府信息数',
    unit: '条',
    forms: NAT,
    section: 'proactive',
  },
  {
    code: 'proactive.channels.wechat',
    label: '政务微信公开政府信息数',
    unit: '条',
    forms: NAT,
    section: 'proactive',
  },
  {
    code: 'proactive.channels.other',
    label: '其他方式公开政府信息数',
    unit: '条',
    forms: NAT,
    section: 'proactive',
  },
  {
    code: 'response.sectionTotal',
    label: '二、回应解读情况',
    variants: ['回应解读情况'],
    unit: '次',
    forms: NAT,
    section: 'response',
    sectionRow: true,
  },
  {
    code: 'response.hotspots',
    label: '(一)回应公众关注热点或重大舆情数(不同方式回应同一热点或舆情计1次)',
    variants: ['回应公众关注热点或重大舆情数'],
    unit: '次',
    forms: NAT,
    section: 'response',
  },
  {
    code: 'response.channels',
    label: '(二)通过不同渠道和方式回应解读的情况',
    variants: ['通过不同渠道和方式回应解读'],
    unit: '次',
    forms: NAT,
    section: 'response',
    sectionRow: true,
  },
  {
    code: 'response.pressConferences',
    label: '参加或举办新闻发布会总次数',
    unit: '次',
    forms: NAT,
    section: 'response',
  },
  {
    code: 'response.pressConferences.leader',
    label: '其中:主要负责同志参加新闻发布会次数',
    variants: ['主要负责同志参加新闻发布会次数'],
    unit: '次',
    forms: NAT,
    section: 'response',
  },
  {
    code: 'response.onlineInterviews',
    label: '政府网站在线访谈次数',
    unit: '次',
    forms: NAT,
    section: 'response',
  },
  {
    code: 'response.onlineInterviews.leader',
    label: '其中:主要负责同志参加政府网站在线访谈次数',
    variants: ['主要负责同志参加政府网站在线访谈次数'],
    unit: '次',
    forms: NAT,
    section: 'response',
  },
  {
    code: 'response.interpretations',
    label: '政策解读稿件发布数',
    unit: '篇',
    forms: NAT,
    section: 'response',
  },
  {
    code: 'response.weiboWechat',
    label: '微博微信回应事件数',
    unit: '次',
    forms: NAT,
    section: 'response',
  },
  {
    code: 'response.other',
    label: '其他方式回应事件数',
    unit: '次',
    forms: NAT,
    section: 'response',
  },
  {
    code: 'requests.sectionTotal',
    label: '三、依申请公开情况',
    variants: ['依申请公开情况'],
    unit: '件',
    forms: NAT,
    section: 'requests',
    sectionRow: true,
  },
  {
    code: 'requests.received',
    label: '(一)收到申请数',
    variants: ['收到申请数', '受理依申请公开信息总数', '受理政府信息依申请公开总数', '申请总数'],
    unit: '件',
    forms: OLD,
    section: 'requests',
  },
  {
    code: 'requests.received.inPerson',
    label: '当面申请数',
    unit: '件',
    forms: OLD,
    section: 'requests',
  },
  {
    code: 'requests.received.fax',
    label: '传真申请数',
    unit: '件',
    forms: OLD,
    section: 'requests',
  },
  {
    code: 'requests.received.online',
    label: '网络申请数',
    variants: ['网上申请数'],
    unit: '件',
    forms: OLD,
    section: 'requests',
  },
  {
    code: 'requests.received.email',
    label: '电子邮件申请数',
    unit: '件',
    forms: PROV,
    section: 'requests',
  },
  {
    code: 'requests.received.mail',
    label: '信函申请数',
    unit: '件',
    forms: OLD,
    section: 'requests',
  },
  {
    code: 'requests.received.mailOrFax',
    label: '信函、传真申请数',
    unit: '件',
    forms: PROV,
    section: 'requests',
  },
  {
    code: 'requests.received.other',
    label: '其它形式申请数',
    variants: ['其他形式申请数'],
    unit: '件',
    forms: PROV,
    section: 'requests',
  },
  {
    code: 'requests.concluded',
    label: '(二)申请办结数',
    variants: ['申请办结数'],
    unit: '件',
    forms: NAT,
    section: 'requests',
  },
  {
    code: 'requests.concluded.onTime',
    label: '按时办结数',
    unit: '件',
    forms: NAT,
    section: 'requests',
  },
  {
    code: 'requests.concluded.extended',
    label: '延期办结数',
    unit: '件',
    forms: NAT,
    section: 'requests',
  },
  {
    code: 'requests.answered',
    label: '(三)申请答复数',
    variants: ['申请答复数', '对申请的答复总数', '对申请的答复数'],
    unit: '件',
    forms: OLD,
    section: 'requests',
  },
  {
    code: 'requests.answered.alreadyPublic',
    label: '属于已主动公开范围数',
    unit: '件',
    forms: NAT,
    section: 'requests',
  },
  {
    code: 'requests.answered.granted',
    label: '同意公开答复数',
    unit: '件',
    forms: OLD,
    section: 'requests',
  },
  {
    code: 'requests.answered.partlyGranted',
    label: '同意部分公开答复数',
    unit: '件',
    forms: OLD,
    section: 'requests',
  },
  {
    code: 'requests.answered.denied',
    label: '不同意公开答复数',
    variants: ['否决公开答复数', '不予公开答复数'],
    unit: '件',
    forms: OLD,
    section: 'requests',
  },
  {
    code: 'requests.answered.denied.stateSecret',
    label: '其中:涉及国家秘密',
    variants: ['涉及国家秘密'],
    unit: '件',
    forms: NAT,
    section: 'requests',
  },
  {
    code: 'requests.answered.denied.commercialSecret',
    label: '涉及商业秘密',
    unit: '件',
    forms: NAT,
    section: 'requests',
  },
  {
    code: 'requests.answered.denied.privacy',
    label: '涉及个人隐私',
    unit: '件',
    forms: NAT,
    section: 'requests',
  },
  {
    code: 'requests.answered.denied.security',
    label: '危及国家安全、公共安全、经济安全和社会稳定',
    variants: ['危及国家安全'],
    unit: '件',
    forms: NAT,
    section: 'requests',
  },
  {
    code: 'requests.answered.denied.notGovInfo',
    label: '不是《条例》所指政府信息',
    variants: ['不是条例所指政府信息'],
    unit: '件',
    forms: NAT,
    section: 'requests',
  },
  {
    code: 'requests.answered.denied.otherLaw',
    label: '法律法规规定的其他情形',
    unit: '件',
    forms: NAT,
    section: 'requests',
  },
  {
    code: 'requests.answered.notThisAgency',
    label: '不属于本行政机关公开数',
    unit: '件',
    forms: NAT,
    section: 'requests',
  },
  {
    code: 'requests.answered.notExist',
    label: '申请信息不存在数',
    unit: '件',
    forms: NAT,
    section: 'requests',
  },
  {
    code: 'requests.answered.clarify',
    label: '告知作出更改补充数',
    unit: '件',
    forms: NAT,
    section: 'requests',
  },
  {
    code: 'requests.answered.otherChannel',
    label: '告知通过其他途径办理数',
    unit: '件',
    forms: NAT,
    section: 'requests',
  },
  {
    code: 'requests.answered.other',
    label: '其他类型答复数',
    unit: '件',
    forms: PROV,
    section: 'requests',
  },
  {
    code: 'review.total',
    label: '行政复议数量',
    variants: ['行政复议数'],
    unit: '件',
    forms: OLD,
    section: 'review',
  },
  {
    code: 'review.upheld',
    label: '(一)维持具体行政行为数',
    variants: ['维持具体行政行为数'],
    unit: '件',
    forms: NAT,
    section: 'review',
  },
  {
    code: 'review.corrected',
    label: '(二)被依法纠错数',
    variants: ['被依法纠错数'],
    unit: '件',
    forms: NAT,
    section: 'review',
  },
  {
    code: 'review.other',
    label: '(三)其他情形数',
    variants: ['其他情形数'],
    unit: '件',
    forms: NAT,
    section: 'review',
  },
  {
    code: 'litigation.total',
    label: '行政诉讼数量',
    variants: ['行政诉讼数'],
    unit: '件',
    forms: OLD,
    section: 'litigation',
  },
  {
    code: 'litigation.upheld',
    label: '(一)维持具体行政行为或者驳回原告诉讼请求数',
    variants: ['维持具体行政行为或者驳回原告诉讼请求数'],
    unit: '件',
    forms: NAT,
    section: 'litigation',
  },
  {
    code: 'litigation.corrected',
    label: '(二)被依法纠错数',
    variants: ['被依法纠错数'],
    unit: '件',
    forms: NAT,
    section: 'litigation',
  },
  {
    code: 'litigation.other',
    label: '(三)其他情形数',
    variants: ['其他情形数'],
    unit: '件',
    forms: NAT,
    section: 'litigation',
  },
  {
    code: 'complaints.total',
    label: '举报投诉数量',
    variants: ['行政申诉、举报数', '接受行政诉讼、举报数', '行政申诉数'],
    unit: '件',
    forms: OLD,
    section: 'complaints',
  },
  {
    code: 'fees.collected',
    label: '依申请公开信息收取的费用',
    unit: '万元',
    forms: NAT,
    section: 'fees',
  },
  {
    code: 'fees.waived',
    label: '政府信息公开收费减免金额',
    unit: '元',
    forms: PROV,
    section: 'fees',
  },
  { code: 'fees.processing', label: '信息处理费', unit: '元', forms: G21, section: 'fees' },
  {
    code: 'capacity.offices',
    label: '(一)政府信息公开工作专门机构数',
    variants: ['政府信息公开工作专门机构数'],
    unit: '个',
    forms: NAT,
    section: 'capacity',
  },
  {
    code: 'capacity.readingRooms',
    label: '(二)设置政府信息公开查阅点数',
    variants: ['设置政府信息公开查阅点数'],
    unit: '个',
    forms: NAT,
    section: 'capacity',
  },
  {
    code: 'capacity.staff',
    label: '(三)从事政府信息公开工作人员数',
    variants: ['从事政府信息公开工作人员数'],
    unit: '人',
    forms: NAT,
    section: 'capacity',
  },
  {
    code: 'capacity.staff.fullTime',
    label: '专职人员数(不包括政府公报及政府网站工作人员数)',
    variants: ['专职人员数'],
    unit: '人',
    forms: NAT,
    section: 'capacity',
  },
  {
    code: 'capacity.staff.partTime',
    label: '兼职人员数',
    variants: ['兼职人数'],
    unit: '人',
    forms: NAT,
    section: 'capacity',
  },
  {
    code: 'capacity.budget',
    label: '(四)政府信息公开专项经费(不包括用于政府公报编辑管理及政府网站建设维护等方面的经费)',
    variants: ['政府信息公开专项经费'],
    unit: '万元',
    forms: NAT,
    section: 'capacity',
  },
  {
    code: 'training.meetings',
    label: '(一)召开政府信息公开工作会议或专题会议数',
    variants: [
      '召开政府信息与政务公开工作会议或专题会议数',
      '召开政府信息公开工作会议或专题会议数',
      '工作会议或专题会议数',
    ],
    unit: '次',
    forms: NAT,
    section: 'training',
  },
  {
    code: 'training.classes',
    label: '(二)举办各类培训班数',
    variants: ['举办各类培训班数'],
    unit: '次',
    forms: NAT,
    section: 'training',
  },
  {
    code: 'training.trainees',
    label: '(三)接受培训人员数',
    variants: ['接受培训人员数'],
    unit: '人次',
    forms: NAT,
    section: 'training',
  },
];

/** Table 二 of the 2019/2021 formats: one row label, several value columns. */
export interface Art20Row {
  key: string;
  label: string;
  variants?: readonly string[];
  /** Column suffixes (the code is `art20.<key>.<column>`), per form. */
  columns: Partial<Record<Form, readonly string[]>>;
  units: Record<string, string>;
}

export const ART20_ROWS: readonly Art20Row[] = [
  {
    key: 'rules',
    label: '规章',
    columns: {
      'gov-2019': ['made', 'published', 'total'],
      'gov-2021': ['issued', 'repealed', 'inForce'],
    },
    units: { '*': '件' },
  },
  {
    key: 'normativeDocs',
    label: '行政规范性文件',
    variants: ['规范性文件'],
    columns: {
      'gov-2019': ['made', 'published', 'total'],
      'gov-2021': ['issued', 'repealed', 'inForce'],
    },
    units: { '*': '件' },
  },
  {
    key: 'licensing',
    label: '行政许可',
    columns: { 'gov-2019': ['previous', 'change', 'decisions'], 'gov-2021': ['decisions'] },
    units: { previous: '项', change: '项', decisions: '件' },
  },
  {
    key: 'otherServices',
    label: '其他对外管理服务事项',
    columns: { 'gov-2019': ['previous', 'change', 'decisions'] },
    units: { previous: '项', change: '项', decisions: '件' },
  },
  {
    key: 'penalties',
    label: '行政处罚',
    columns: { 'gov-2019': ['previous', 'change', 'decisions'], 'gov-2021': ['decisions'] },
    units: { previous: '项', change: '项', decisions: '件' },
  },
  {
    key: 'enforcement',
    label: '行政强制',
    columns: { 'gov-2019': ['previous', 'change', 'decisions'], 'gov-2021': ['decisions'] },
    units: { previous: '项', change: '项', decisions: '件' },
  },
  {
    key: 'fees',
    label: '行政事业性收费',
    columns: { 'gov-2019': ['previous', 'change'], 'gov-2021': ['amount'] },
    units: { previous: '项', change: '项', amount: '万元' },
  },
  {
    key: 'procurement',
    label: '政府集中采购',
    columns: { 'gov-2019': ['projects', 'amount'] },
    units: { projects: '项', amount: '元' },
  },
];

/** Table 三 rows in official order; `only` marks rows that exist in one version of the format. */
export interface RequestRow {
  code: string;
  label: string;
  variants?: readonly string[];
  /** The ordinal printed before the label (1. 2. …), used to tell it from a glued value. */
  ordinal?: number;
  only?: 'single-other' | 'split-other';
}

export const REQUEST_ROWS: readonly RequestRow[] = [
  {
    code: 'requests.new',
    label: '一、本年新收政府信息公开申请数量',
    variants: ['本年新收政府信息公开申请数量', '本年新收'],
  },
  {
    code: 'requests.carriedOver',
    label: '二、上年结转政府信息公开申请数量',
    variants: ['上年结转政府信息公开申请数量', '上年结转'],
  },
  { code: 'requests.granted', label: '(一)予以公开', variants: ['予以公开'] },
  {
    code: 'requests.partlyGranted',
    label: '(二)部分公开(区分处理的,只计这一情形,不计其他情形)',
    variants: ['部分公开'],
  },
  {
    code: 'requests.denied.stateSecret',
    label: '1.属于国家秘密',
    variants: ['属于国家秘密'],
    ordinal: 1,
  },
  {
    code: 'requests.denied.prohibitedByLaw',
    label: '2.其他法律行政法规禁止公开',
    variants: ['其他法律行政法规禁止公开', '其他法律行政止公开', '其他法律行政法规'],
    ordinal: 2,
  },
  {
    code: 'requests.denied.security',
    label: '3.危及“三安全一稳定”',
    variants: ['危及"三安全一稳定"', '三安全一稳定'],
    ordinal: 3,
  },
  {
    code: 'requests.denied.thirdParty',
    label: '4.保护第三方合法权益',
    variants: ['保护第三方合法权益'],
    ordinal: 4,
  },
  {
    code: 'requests.denied.internalAffairs',
    label: '5.属于三类内部事务信息',
    variants: ['属于三类内部事务信息', '三类内部事务'],
    ordinal: 5,
  },
  {
    code: 'requests.denied.deliberative',
    label: '6.属于四类过程性信息',
    variants: ['属于四类过程性信息', '四类过程性信息'],
    ordinal: 6,
  },
  {
    code: 'requests.denied.enforcementFile',
    label: '7.属于行政执法案卷',
    variants: ['属于行政执法案卷', '行政执法案卷'],
    ordinal: 7,
  },
  {
    code: 'requests.denied.inquiry',
    label: '8.属于行政查询事项',
    variants: ['属于行政查询事项', '行政查询事项'],
    ordinal: 8,
  },
  {
    code: 'requests.unavailable.notHeld',
    label: '1.本机关不掌握相关政府信息',
    variants: ['本机关不掌握相关政府信息', '本机关不掌握'],
    ordinal: 1,
  },
  {
    code: 'requests.unavailable.needsCreation',
    label: '2.没有现成信息需要另行制作',
    variants: ['没有现成信息需要另行制作', '没有现成信息'],
    ordinal: 2,
  },
  {
    code: 'requests.unavailable.unclear',
    label: '3.补正后申请内容仍不明确',
    variants: ['补正后申请内容仍不明确', '补正后申请内容'],
    ordinal: 3,
  },
  {
    code: 'requests.rejected.petition',
    label: '1.信访举报投诉类申请',
    variants: ['信访举报投诉类申请', '信访举报投诉'],
    ordinal: 1,
  },
  { code: 'requests.rejected.repeat', label: '2.重复申请', variants: ['重复申请'], ordinal: 2 },
  {
    code: 'requests.rejected.publication',
    label: '3.要求提供公开出版物',
    variants: ['要求提供公开出版物', '公开出版物'],
    ordinal: 3,
  },
  {
    code: 'requests.rejected.massRepeat',
    label: '4.无正当理由大量反复申请',
    variants: ['无正当理由大量反复申请', '大量反复申请', '无正当理由大量反复'],
    ordinal: 4,
  },
  {
    code: 'requests.rejected.confirmation',
    label: '5.要求行政机关确认或重新出具已获取信息',
    variants: ['要求行政机关确认或重新出具已获取信息', '要求行政机关确认'],
    ordinal: 5,
  },
  {
    code: 'requests.otherHandling',
    label: '(六)其他处理',
    variants: ['其他处理'],
    only: 'single-other',
  },
  {
    code: 'requests.otherHandling.noSupplement',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    variants: ['申请人无正当理由逾期不补正', '逾期不补正', '申请人无正当理由逾'],
    ordinal: 1,
    only: 'split-other',
  },
  {
    code: 'requests.otherHandling.unpaidFee',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    variants: ['申请人逾期未按收费通知要求缴纳费用', '逾期未按收费通知', '申请人逾期未按收费'],
    ordinal: 2,
    only: 'split-other',
  },
  { code: 'requests.otherHandling.other', label: '3.其他', ordinal: 3, only: 'split-other' },
  { code: 'requests.resolved', label: '(七)总计', variants: ['总计'] },
  {
    code: 'requests.carriedForward',
    label: '四、结转下年度继续办理',
    variants: ['结转下年度继续办理', '结转下年度'],
  },
];

/** The seven applicant columns of table 三, in printed order. */
export const REQUEST_COLUMNS = [
  'natural',
  'business',
  'research',
  'nonprofit',
  'legal',
  'other',
  'total',
] as const;

/** Table 三's applicant columns as the table heads them. */
const REQUEST_COLUMN_LABELS: Record<(typeof REQUEST_COLUMNS)[number], string> = {
  natural: '自然人',
  business: '商业企业',
  research: '科研机构',
  nonprofit: '社会公益组织',
  legal: '法律服务机构',
  other: '其他',
  total: '总计',
};

/** Table 二's columns as the 2019 and 2021 tables head them. */
const ART20_COLUMN_LABELS: Record<string, string> = {
  made: '本年新制作数量',
  published: '本年新公开数量',
  total: '对外公开总数量',
  issued: '本年制发件数',
  repealed: '本年废止件数',
  inForce: '现行有效件数',
  previous: '上一年项目数量',
  change: '本年增/减',
  decisions: '处理决定数量',
  amount: '金额',
  projects: '采购项目数',
};

/** The fifteen cells of table 四, in printed order. */
export const REVIEW_CELLS = [
  'review.upheld',
  'review.corrected',
  'review.other',
  'review.pending',
  'review.total',
  'litigation.direct.upheld',
  'litigation.direct.corrected',
  'litigation.direct.other',
  'litigation.direct.pending',
  'litigation.direct.total',
  'litigation.afterReview.upheld',
  'litigation.afterReview.corrected',
  'litigation.afterReview.other',
  'litigation.afterReview.pending',
  'litigation.afterReview.total',
] as const;

function requestCodes(): IndicatorDef[] {
  return REQUEST_ROWS.flatMap((row) =>
    REQUEST_COLUMNS.map((column) => ({
      code: `${row.code}:${column}`,
      label: `${row.label} · ${REQUEST_COLUMN_LABELS[column]}`,
      unit: '件',
      forms: row.only === 'split-other' ? G21 : row.only === 'single-other' ? G19 : GOV,
      section: 'requests',
    })),
  );
}

function art20Codes(): IndicatorDef[] {
  return ART20_ROWS.flatMap((row) => {
    const byColumn = new Map<string, Form[]>();
    for (const [form, columns] of Object.entries(row.columns) as [Form, readonly string[]][]) {
      for (const column of columns) byColumn.set(column, [...(byColumn.get(column) ?? []), form]);
    }
    return [...byColumn].map(([column, forms]) => ({
      code: `art20.${row.key}.${column}`,
      label: `${row.label} · ${ART20_COLUMN_LABELS[column] ?? column}`,
      unit: row.units[column] ?? row.units['*'] ?? '件',
      forms,
      section: 'art20',
    }));
  });
}

const REVIEW_ROW_LABELS: Record<string, string> = {
  review: '行政复议',
  'litigation.direct': '行政诉讼（未经复议直接起诉）',
  'litigation.afterReview': '行政诉讼（复议后起诉）',
};
const REVIEW_COLUMN_LABELS: Record<string, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};

/** Table 四's cell label: its row, then its column, as the table prints them. */
function reviewLabel(code: string): string {
  const dot = code.lastIndexOf('.');
  const row = REVIEW_ROW_LABELS[code.slice(0, dot)];
  const column = REVIEW_COLUMN_LABELS[code.slice(dot + 1)];
  return row && column ? `${row} · ${column}` : code;
}

function reviewCodes(): IndicatorDef[] {
  return REVIEW_CELLS.map((code) => ({
    code,
    label: reviewLabel(code),
    unit: '件',
    forms: GOV,
    section: code.split('.')[0] ?? 'review',
  }));
}

// Table 四 reuses review.* codes of the older tables: one entry per code, forms united.
function mergeByCode(defs: IndicatorDef[]): IndicatorDef[] {
  const merged = new Map<string, IndicatorDef>();
  for (const def of defs) {
    const seen = merged.get(def.code);
    merged.set(
      def.code,
      seen ? { ...seen, forms: [...new Set([...seen.forms, ...def.forms])] } : def,
    );
  }
  return [...merged.values()];
}

/** Every indicator code the system knows, with labels, units and forms: the single source. */
export const INDICATORS: readonly IndicatorDef[] = mergeByCode([
  ...oldTableCodes,
  ...art20Codes(),
  ...requestCodes(),
  ...reviewCodes(),
]);

const byCode = new Map(INDICATORS.map((def) => [def.code, def]));

/** Looks up a code (with or without a column suffix such as `:cumulative`). */
export function indicator(code: string): IndicatorDef | undefined {
  return byCode.get(code) ?? byCode.get(code.replace(/:cumulative$/, ''));
}

/** The form names, in the order the official formats appeared. */
export const FORMS: readonly Form[] = [
  'provincial',
  'national-2014',
  'gov-2019',
  'gov-2021',
  'none',
];

/** Units that may stand in a unit column of the pre-2019 tables. */
export const UNITS: readonly string[] = [
  '人次',
  '万元',
  '条',
  '件',
  '次',
  '篇',
  '个',
  '人',
  '元',
  '项',
];
