import { describe, expect, it } from 'vitest';
import { getTables } from './data.ts';
import { regionLevel, regionPath, resolveRegion } from './region.ts';
import { ZONES } from './zones.ts';

const code = (name: string, context?: string): string | null =>
  resolveRegion(name, context)?.code ?? null;

describe('resolveRegion: names that carry their place', () => {
  it.each([
    ['榆林市机关事务管理局', '610800'],
    ['大武口区机关后勤服务中心', '640202'],
    ['银川市兴庆区人民政府办公室', '640104'],
    ['兴义市工业贸易和科学技术局', '522301'],
    ['驻马店市行政服务中心', '411700'],
    ['淮安市洪泽区人民政府', '320813'],
    ['洪泽区人民政府', '320813'],
    ['淮安市人民政府', '320800'],
    ['上海市科委', '310000'],
    ['上海市科学技术委员会', '310000'],
    ['平潭县人民政府', '350128'],
    ['平潭综合实验区管委会', '350128'],
    ['平潭实验区管委会', '350128'],
    ['石嘴山市大武口区机关后勤服务中心', '640202'],
    ['宁夏回族自治区人民政府办公厅', '640000'],
    ['黔西南州人民政府', '522300'],
    ['黔西南布依族苗族自治州财政局', '522300'],
    ['恩施州民政局', '422800'],
    ['石柱县教育委员会', '500240'],
    ['济源市人民政府', '419001'],
    ['东莞市人民政府', '441900'],
    ['北京市朝阳区人民政府', '110105'],
    ['吉林省人民政府', '220000'],
    ['吉林市人民政府', '220200'],
    ['杭州市临平区人民政府', '330113'],
    ['苏州工业园区管理委员会', '320500'],
    ['重庆两江新区管委会', '500000'],
    ['阳泉市城区人民政府', '140302'],
    ['和县人民政府', '340523'],
    ['中国人民银行榆林市中心支行', '610800'],
    ['榆林市驻西安办事处', '610800'],
    ['鼓楼区人民政府（福州市）', '350102'],
  ])('%s → %s', (name, expected) => {
    expect(code(name)).toBe(expected);
  });

  it('returns name, path and level', () => {
    expect(resolveRegion('大武口区机关后勤服务中心')).toEqual({
      code: '640202',
      name: '大武口区',
      path: ['宁夏回族自治区', '石嘴山市', '大武口区'],
      level: 'county',
    });
    expect(resolveRegion('上海市科委')).toEqual({
      code: '310000',
      name: '上海市',
      path: ['上海市'],
      level: 'province',
    });
  });
});

describe('resolveRegion: short forms', () => {
  it.each([
    ['上海科委', '310000'],
    ['淮安洪泽区人民政府', '320813'],
    ['淮安洪泽人民政府', '320813'],
    ['洪泽人民政府', '320813'],
    ['大武口机关后勤服务中心', '640202'],
    ['宁夏大武口区机关后勤服务中心', '640202'],
    ['榆林机关事务管理局', '610800'],
    ['江苏省淮安市人民政府', '320800'],
  ])('%s → %s', (name, expected) => {
    expect(code(name)).toBe(expected);
  });
});

describe('resolveRegion: ambiguous names', () => {
  it.each([
    ['鼓楼区人民政府', '福州市鼓楼区2023年政府信息公开工作年度报告。福建省', '350102'],
    ['鼓楼区人民政府', '本报告由福建省福州市人民政府指导编制', '350102'],
    ['鼓楼区人民政府', '根据南京市政府办公厅通知要求', '320106'],
    ['鼓楼区人民政府', '开封市鼓楼区人民政府 河南省', '410204'],
    ['鼓楼区人民政府', '徐州市鼓楼区', '320302'],
    ['朝阳区人民政府', '北京市朝阳区人民政府办公室', '110105'],
    ['朝阳区人民政府', '长春市朝阳区 吉林省', '220104'],
    ['新华区人民政府', '沧州市新华区政府信息公开', '130902'],
  ])('%s with context %s → %s', (name, context, expected) => {
    expect(code(name, context)).toBe(expected);
  });

  it('returns null without context when no common ancestor exists', () => {
    expect(resolveRegion('鼓楼区人民政府')).toBeNull();
    expect(resolveRegion('朝阳区人民政府')).toBeNull();
  });

  it('returns null when the context supports the candidates equally', () => {
    expect(resolveRegion('鼓楼区人民政府', '南京市与福州市结对')).toBeNull();
  });

  it('falls back to the common ancestor with the candidates listed', () => {
    const r = resolveRegion('桥西区人民政府');
    expect(r?.code).toBe('130000');
    expect(r?.level).toBe('province');
    expect(r?.ambiguous).toEqual(['130104', '130703']);
  });
});

describe('resolveRegion: names without a place', () => {
  const yulin =
    '2016年政府信息公开工作年度报告\n来源:市机关事务管理局\n编制2016年度榆林市机关事务管理局信息公开工作年度报告。陕西省' +
    '……'.repeat(200) +
    '\n榆林市机关事务管理局\n2017年3月3日';

  it('returns null with no context', () => {
    expect(resolveRegion('市机关事务管理局')).toBeNull();
    expect(resolveRegion('机关事务管理局')).toBeNull();
    expect(resolveRegion('区机关后勤服务中心', '')).toBeNull();
  });

  it('takes the place from the report text', () => {
    expect(code('市机关事务管理局', yulin)).toBe('610800');
    expect(code('机关事务管理局', yulin)).toBe('610800');
    expect(code('市科委', '2024年上海市科委政府信息公开工作年度报告 上海市')).toBe('310000');
  });

  it('wants a place of the kind the name starts with', () => {
    const text = '宁夏回族自治区人民政府……宁夏回族自治区……石嘴山市大武口区机关后勤服务中心';
    expect(code('区机关后勤服务中心', text)).toBe('640202');
    expect(code('市机关事务管理局', '陕西省人民政府 陕西省')).toBeNull();
  });

  it('prefers the place written before the agency name over the most mentioned one', () => {
    const text =
      '根据《陕西省政府信息公开规定》和陕西省政府要求……陕西省……陕西省……榆林市机关事务管理局';
    expect(code('机关事务管理局', text)).toBe('610800');
    expect(code('行政服务中心', '河南省 河南省 河南省 驻马店市行政服务中心')).toBe('411700');
    // Without the agency name in the text, the most mentioned place wins.
    expect(code('机关事务管理局', '陕西省 陕西省 榆林市')).toBe('610000');
  });

  it('reads the site identifier code', () => {
    expect(code('市机关事务管理局', '网站标识码:6108000033')).toBe('610800');
  });
});

describe('resolveRegion: department words are not places', () => {
  const departments =
    '人民政府 人民政府办公室 发展和改革委员会 教育局 科学技术局 科学技术委员会 工业和信息化局 公安局 民政局 司法局 财政局 ' +
    '人力资源和社会保障局 自然资源局 生态环境局 住房和城乡建设局 交通运输局 水利局 农业农村局 商务局 文化和旅游局 ' +
    '卫生健康委员会 退役军人事务局 应急管理局 审计局 国有资产监督管理委员会 市场监督管理局 统计局 医疗保障局 信访局 ' +
    '行政审批服务局 行政服务中心 公共资源交易中心 林业和草原局 乡村振兴局 综合行政执法局 人民防空办公室 档案馆 ' +
    '气象局 地震局 税务局 大数据局 外事办公室 残疾人联合会 供销合作社 住房公积金管理中心 港口管理局 ' +
    '高新技术产业开发区管委会 经济技术开发区管理委员会 中级人民法院 人民检察院 融媒体中心 平安建设办公室 ' +
    '惠民服务中心 东方红林场 新华书店 中华人民共和国政府信息公开条例';
  it.each(departments.split(' '))('%s', (d) => {
    for (const n of [d, `市${d}`, `区${d}`, `县${d}`]) expect(code(n)).toBeNull();
  });

  it('does not read place names inside ordinary words of the text', () => {
    const text = '维护长治久安，促进安居乐业，办公地址：中山路8号，合作社，东方市场，和平区域';
    expect(code('机关事务管理局', text)).toBeNull();
  });
});

describe('resolveRegion: hostile input', () => {
  it('handles empty and odd input', () => {
    expect(resolveRegion('')).toBeNull();
    expect(resolveRegion('', '')).toBeNull();
    expect(resolveRegion('   \n\t')).toBeNull();
    expect(resolveRegion(undefined as unknown as string, null as unknown as string)).toBeNull();
    expect(resolveRegion('市', '市')).toBeNull();
  });

  it('is fast on 100 KB of junk', () => {
    let seed = 42;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let junk = '';
    while (junk.length < 100_000) {
      junk += rand() < 0.7 ? String.fromCharCode(0x4e00 + Math.floor(rand() * 0x5000)) : ' a1|';
    }
    resolveRegion('warm-up');
    const t = performance.now();
    resolveRegion(junk, junk);
    resolveRegion('市机关事务管理局', junk);
    resolveRegion('市机关事务管理局', '榆林市'.repeat(30_000));
    expect(performance.now() - t).toBeLessThan(500);
  });
});

describe('regionPath and regionLevel', () => {
  it('gives the path with codes', () => {
    expect(regionPath('640202')).toEqual([
      { code: '640000', name: '宁夏回族自治区', level: 'province' },
      { code: '640200', name: '石嘴山市', level: 'city' },
      { code: '640202', name: '大武口区', level: 'county' },
    ]);
    // Counties of a municipality or of 省直辖 sit right under the province.
    expect(regionPath('110105')?.map((s) => s.name)).toEqual(['北京市', '朝阳区']);
    expect(regionPath('419001')?.map((s) => s.name)).toEqual(['河南省', '济源市']);
    expect(regionPath('999999')).toBeNull();
    expect(regionPath('')).toBeNull();
  });

  it('gives the level', () => {
    expect(regionLevel('310000')).toBe('province');
    expect(regionLevel('610800')).toBe('city');
    expect(regionLevel('441900')).toBe('city');
    expect(regionLevel('522301')).toBe('county');
    expect(regionLevel('419001')).toBe('county');
    expect(regionLevel('110100')).toBeNull();
    expect(regionLevel('abc')).toBeNull();
  });
});

describe('division data', () => {
  const { divisions } = getTables();

  it('is recent (2020+) and complete at county level', () => {
    expect(divisions.get('320813')?.name).toBe('洪泽区');
    expect(divisions.has('320829')).toBe(false);
    expect(divisions.get('522301')?.name).toBe('兴义市');
    expect(divisions.get('330113')?.name).toBe('临平区');
    expect(divisions.get('513402')?.name).toBe('会理市');
    const count = { province: 0, city: 0, county: 0 };
    for (const d of divisions.values()) count[d.level]++;
    // The 2023 totals of 地级 and 县级 divisions (Hong Kong, Macao and Taiwan not included).
    expect(count).toEqual({ province: 31, city: 333, county: 2844 });
  });

  it('resolves every division from its full path, and from its own name when unique', () => {
    const seen = new Map<string, number>();
    for (const d of divisions.values()) seen.set(d.name, (seen.get(d.name) ?? 0) + 1);
    const wrong: string[] = [];
    for (const d of divisions.values()) {
      const path = regionPath(d.code)?.map((s) => s.name) ?? [];
      if (code(`${path.join('')}人民政府`) !== d.code) wrong.push(path.join(''));
      // 城区, 矿区, 东区, 西区 are plain words: they need their parent.
      const generic = ['城区', '矿区', '郊区', '东区', '西区'].includes(d.name);
      const r = resolveRegion(`${d.name}人民政府`);
      if (seen.get(d.name) === 1 && !generic && r?.code !== d.code) wrong.push(d.name);
      if ((seen.get(d.name) ?? 0) > 1 && r && !r.ambiguous) wrong.push(d.name);
    }
    expect(wrong).toEqual([]);
  });

  it('has no statistics-only units or placeholders', () => {
    expect(divisions.has('320576')).toBe(false);
    expect([...divisions.values()].some((d) => d.name === '市辖区')).toBe(false);
  });

  it('maps every zone to a known division', () => {
    for (const z of ZONES) expect(divisions.has(z.code), z.name).toBe(true);
  });
});
