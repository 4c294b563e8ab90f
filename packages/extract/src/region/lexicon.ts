/**
 * Word lists that keep ordinary Chinese words from being read as place names. They are data:
 * extend them when a report shows a new false match.
 */

/**
 * Short forms (name minus 市/县/区 …) that are also common words, so they never count as a
 * place on their own (公安 is 公安县 but mostly 公安局; 合作 is 合作市 but mostly 合作社).
 */
export const SHORT_STOP: ReadonlySet<string> = new Set([
  '公安',
  '平安',
  '东方',
  '和平',
  '新华',
  '长安',
  '通道',
  '安定',
  '永定',
  '中山',
  '阿里',
  '白银',
  '安康',
  '长治',
  '大同',
  '普洱',
  '红河',
  '城关',
  '资源',
  '民和',
  '太和',
  '白云',
  '光明',
  '富民',
  '安宁',
  '新建',
  '红旗',
  '向阳',
  '前进',
  '友谊',
  '新兴',
  '长寿',
  '吉利',
  '海西',
  '日照',
  '来宾',
  '大理',
  '共和',
  '大方',
  '平和',
  '清流',
  '太平',
  '大安',
  '武功',
  '河口',
  '乐业',
  '凤凰',
  '合作',
  '全州',
  '兴安',
  '开化',
  '永和',
  '民乐',
  '同心',
  '港口',
  '惠民',
  '中原',
  '会同',
]);

/**
 * Short forms made only of these characters are too generic (江北, 河东, 城中, 市中, 新城, 海东 …)
 * to stand alone; they count only right after their own parent (淮安市清江浦 style chains).
 * Province short forms (河北, 山东, 海南 …) are exempt.
 */
export const GENERIC_CHARS = '东西南北中城郊矿市新旧江河湖山海上下前后内外';

/** Two-character full names that are ordinary words (城区, 郊区 …): only after their parent. */
export const GENERIC_FULL: ReadonlySet<string> = new Set(['城区', '矿区', '郊区', '东区', '西区']);

/**
 * Words that contain a place name but are not one; matched like places and skipped, so the
 * place inside them is never seen (长治久安 is not 长治, 合作社 not 合作市).
 */
export const BLOCKERS: readonly string[] = [
  '中华人民共和国',
  '中华人民共和',
  '长治久安',
  '大理石',
  '合作社',
  '安居乐业',
  '中山路',
  '中山大道',
  '中山公园',
  '新华社',
  '新华网',
  '新华书店',
  '东方红',
  '公安局',
  '公安厅',
  '公安部',
  '公安机关',
  '市中级',
  '市中心',
  '城中村',
];

/**
 * Characters that, following a name ending in the first character, show the name was part of a
 * longer word: 东方市场 is a market, not 东方市; 和平区域 is not 和平区.
 */
export const FALSE_CONTINUATION: Readonly<Record<string, string>> = {
  市: '场',
  区: '域间块',
  县: '',
};
