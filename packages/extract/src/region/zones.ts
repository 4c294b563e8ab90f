/**
 * Zones with no GB/T 2260 code of their own (综合实验区, 国家级新区, 开发区 …), each mapped to the
 * division it coincides with or, when it spans several, the smallest division that contains it.
 * Only zones whose extent is well documented are listed; anything doubtful is left out so that
 * it resolves through the ordinary place names (or not at all) instead of to a wrong code.
 *
 * The statistics-only zones of the division data (苏州工业园区, 兰州新区, 郑州航空港经济综合实验区 …)
 * are added automatically, each mapped to its prefecture (see `data.ts`).
 */
export interface Zone {
  /** The zone's usual full name. */
  name: string;
  /** Other names it goes by in agency names. */
  aliases?: string[];
  /** Code of the division it coincides with or sits in. */
  code: string;
  /** Why this code. */
  note: string;
}

export const ZONES: readonly Zone[] = [
  {
    name: '平潭综合实验区',
    aliases: ['平潭实验区', '福建平潭综合实验区'],
    code: '350128',
    note: 'same area as 平潭县',
  },
  {
    name: '河北雄安新区',
    aliases: ['雄安新区'],
    code: '130000',
    note: '雄县、容城、安新 (保定) plus parts of 任丘 (沧州): spans two prefectures',
  },
  { name: '重庆两江新区', aliases: ['两江新区'], code: '500000', note: 'spans 江北、渝北、北碚' },
  {
    name: '浙江舟山群岛新区',
    aliases: ['舟山群岛新区'],
    code: '330900',
    note: 'same area as 舟山市',
  },
  { name: '广州南沙新区', aliases: ['南沙新区'], code: '440115', note: 'same area as 南沙区' },
  { name: '贵州贵安新区', aliases: ['贵安新区'], code: '520000', note: 'spans 贵阳 and 安顺' },
  { name: '陕西西咸新区', aliases: ['西咸新区'], code: '610000', note: 'spans 西安 and 咸阳' },
  { name: '四川天府新区', aliases: ['天府新区'], code: '510000', note: 'spans 成都 and 眉山' },
  { name: '湖南湘江新区', aliases: ['湘江新区'], code: '430100', note: 'within 长沙市' },
  { name: '南京江北新区', aliases: ['江北新区'], code: '320100', note: 'within 南京市' },
  { name: '福州新区', code: '350100', note: 'within 福州市' },
  { name: '云南滇中新区', aliases: ['滇中新区'], code: '530100', note: '安宁、嵩明、官渡 (昆明)' },
  { name: '哈尔滨新区', code: '230100', note: 'within 哈尔滨市' },
  { name: '长春新区', code: '220100', note: 'within 长春市' },
  { name: '江西赣江新区', aliases: ['赣江新区'], code: '360000', note: 'spans 南昌 and 九江' },
  { name: '大连金普新区', aliases: ['金普新区'], code: '210200', note: 'within 大连市' },
  { name: '青岛西海岸新区', aliases: ['西海岸新区'], code: '370211', note: 'same area as 黄岛区' },
  {
    name: '横琴粤澳深度合作区',
    aliases: ['珠海横琴新区', '横琴新区'],
    code: '440400',
    note: 'within 珠海市',
  },
  {
    name: '深圳前海深港现代服务业合作区',
    aliases: ['前海深港现代服务业合作区', '前海合作区'],
    code: '440300',
    note: 'within 深圳市',
  },
  {
    name: '北京经济技术开发区',
    aliases: ['北京亦庄经济技术开发区'],
    code: '110000',
    note: 'spans 大兴 and 通州',
  },
  { name: '天津经济技术开发区', code: '120116', note: 'within 滨海新区' },
  { name: '中新天津生态城', code: '120116', note: 'within 滨海新区' },
  { name: '洋浦经济开发区', code: '460400', note: 'within 儋州市' },
  { name: '长白山保护开发区', code: '220000', note: 'spans 白山 and 延边' },
  {
    name: '杨凌农业高新技术产业示范区',
    aliases: ['杨凌示范区'],
    code: '610403',
    note: 'administers 杨陵区',
  },
  { name: '郑州航空港区', code: '410100', note: 'short name of 郑州航空港经济综合实验区' },
];
