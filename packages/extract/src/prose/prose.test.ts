import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractProseFacts, type ProseFact } from './prose.ts';

/** The decode module's normalisation, reduced to what these tests need. */
const norm = (s: string): string => s.normalize('NFKC');

const facts = (text: string, reportYear: number | null = null): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const f of extractProseFacts(norm(text), { reportYear })) out[f.code] = f.value;
  return out;
};

describe('proactive.items', () => {
  it.each([
    ['2023 年，我区在政\n府网站平台主动公开政府信息 1136 条。', 1136],
    ['市科委通过部门网站当年发布政府信息 393 件，其中包括：行政规范性文件 13 件', 393],
    ['主动公开各类政府信息172项。其中包括:省机关事务刊物3篇', 172],
    ['今年，我区政府信息公开单位共公布政府信息2599条，(其中机构职能类信息25条', 2599],
    ['全年主动公开我区各级单位政府信息2645条，主要通过政府网站', 2645],
    ['在政府门户网站及官方微信平台上发布各类信息共计1636条,其中:(1)各类政务动态信息1337条', 1636],
    ['截至12月31日,主动公开信息2320条,主要包括中心职能', 2320],
    ['全年共主动公开1,234条政府信息。', 1234],
    ['2011年制作、获取政府信息总数1873条，其中主动公开政府信息425条，占71.3%', 425],
    ['主动公开政府信息\n-2-\n\n1136 条', 1136],
    ['通过政务微博发布政府信息300条。全年主动公开政府信息5000条。', 5000],
    [
      '本区到年底累计主动公开政府信息\n5928\n条，其中，本年度新增主动公开政府信息\n2110\n条。',
      2110,
    ],
    ['2021年，办公室共主动公开各类政府信息82条,机构领导、机构设置及人事信息3条', 82],
    ['2013年新增主动公开政府信息45条。其中，政策法规及业务类的信息32条', 45],
    ['主动公开政策法规、工作动态等各类政府信息860条', 860],
    [
      '2015年，我区累计在平潭政府采购信息网上主动公开政府采购项目信息188条。区管委会办公室、区直各部门、各乡镇、县直各单位对政府信息进行了梳理和编目，2015年主动公开政府信息2949条。其中，区管委会及区直各部门主动公开政府信息2275条',
      2949,
    ],
  ])('%s → %d', (text, value) => {
    expect(facts(text)['proactive.items']).toBe(value);
  });

  it.each([
    ['approximate 余', '市政府网站主动公开各类政府信息 5500 余条，全年新增公开市政府规章 1 件'],
    ['approximate 近', '全年主动公开政府信息近3000条'],
    ['rounded 万', '全年累计主动公开政府信息125.6万余条，受理政府信息公开申请2.3万件'],
    ['乡镇街道', '兴庆区各乡镇街道主动公开政府信息 1015 条 ,其中:通过官方网站公布公示253条'],
    ['各部门', '兴庆区各部门主动公开政府信息 695 条'],
    ['区直县直', '区直、县直各单位主动公开政府信息303条，占71.3%。'],
    ['栏目 sub-count', '部门动态栏目主动公开发布信息108条(含项目建设)'],
    ['topic sub-count', '全年主动公开政府采购项目信息188条'],
    ['table label', '(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条) | 条 | 0 |'],
    ['glued table', '主动公开信息数条4251516其中:1.网站公开条41815092.'],
    ['visits', '2011年政府信息公开专栏访问量达11460人次。'],
    ['bare 发布信息', '“上海科技”网站全年累计发布信息 2139 条'],
    ['prior year', '去年主动公开政府信息1000条，今年继续加大力度'],
  ])('ignores %s', (_name, text) => {
    expect(facts(text)['proactive.items']).toBeUndefined();
  });

  it('prefers the first headline over later department figures', () => {
    const text =
      '今年，我区政府信息公开单位共公布政府信息2599条。区市场监督管理局加大力度，全年共发布77条信息。' +
      '(8)在科技管理方面:共主动公开政府信息60条。';
    expect(facts(text)['proactive.items']).toBe(2599);
  });

  it('ignores a figure of a year before the report year', () => {
    expect(facts('2014年主动公开政府信息900条。', 2015)['proactive.items']).toBeUndefined();
    expect(facts('2015年主动公开政府信息900条。', 2015)['proactive.items']).toBe(900);
    expect(facts('2014年共受理政府信息公开申请5件。', 2015)['requests.received']).toBeUndefined();
    expect(
      facts('根据《2014年政务公开要点》，2015年共受理政府信息公开申请5件。', 2015)[
        'requests.received'
      ],
    ).toBe(5);
  });
});

describe('requests', () => {
  it.each([
    ['全年收到政府信息公开申请 34 件，上年结转政府信息公开申请 2 件', 34],
    ['(二)依申请公开方面。本年度全区共收到70件申请，及时依法依规办结69件', 70],
    ['2024 年，全市共受理政府信息公开申请 3119 件，答\n复 3050 件', 3119],
    ['兴庆区政府及各单位 共受理政府信息公 开 申 请 2 件', 2],
    ['共受理依申请公开12件', 12],
    [
      '(二)依申请公开方面。规范做好申请登记、审查、办理、答复、归档等工作。全年办理政府信息公开申请218件。',
      218,
    ],
    ['全年政府信息公开申请共计21件', 21],
    ['本年度共受理群众网上申请政府信息公开申请0件，其中办结政府信息公开申请0件', 0],
    ['2012年全县共收到有关政府信息公开的申请21条，其中当面申请数18条', 21],
    ['因未发生政府信息公开申请，故不存在政府信息答复处理情况。', 0],
    ['2011年全区未收到有关政府信息公开的申请，未收到有关政府信息公开行政复议申请。', 0],
    ['无依申请公开项,无行政复议、诉讼、申诉情况', 0],
    ['2016年,我局未收到政府信息依公开申请。', 0],
    ['2016年,我局未收到依申请公开事项内容。', 0],
    ['没有公民、法人或其他组织提出政府信息公开申请。', 0],
  ])('received: %s → %d', (text, value) => {
    expect(facts(text)['requests.received']).toBe(value);
  });

  it.each([
    ['咨询', '通过网络等方式受理群众咨询70余次'],
    ['service hall', '依申请公开方面。建立窗口服务大厅，开设窗口24个，共受理申请136437件。'],
    ['no disclosure context', '今年共受理申请5件。'],
    ['carried over', '上年结转政府信息公开申请 2 件'],
    ['another body', '各乡镇共受理政府信息公开申请5件'],
    ['review request', '未收到因政府信息公开申请行政复议和提起行政诉讼情况。'],
    ['无法提供', '其中1件因职责权限所限无法提供其申请信息'],
    ['table row', '(一)收到申请数 | 件 | 0 |'],
    ['gov-2021 row', '一、本年新收政府信息公开申请数量640020470二、上年结转'],
  ])('received ignores %s', (_name, text) => {
    expect(facts(text)['requests.received']).toBeUndefined();
  });

  it('reads the answered count and its parts', () => {
    expect(
      facts(
        '所有办结的信息公开申请中同意公开答复 9 件，部分公开答复 0 件，不予公开答复 2\n件，无法提供的 10 件',
      ),
    ).toEqual({
      'requests.answered.granted': 9,
      'requests.answered.partlyGranted': 0,
      'requests.answered.denied': 2,
    });
    expect(
      facts('共受理政府信息公开申请 3119 件，答复 3050 件（含上年度结转申请 34 件）'),
    ).toMatchObject({
      'requests.received': 3119,
      'requests.answered': 3050,
    });
  });

  it('reads outcomes stated number-first and an implicit "all answered"', () => {
    const text =
      '共受理政府信息公开申请 2 件,已按规定制作了政府信息公开告知书进行了答复。其中1件因区政府职责权限所限 无法提供其 申请信息,另1件其申请符合可以公开的条件,对其申请信息事宜进行了答复。';
    expect(facts(text)).toEqual({
      'requests.received': 2,
      'requests.answered': 2,
      'requests.answered.granted': 1,
      'requests.answered.notThisAgency': 1,
    });
  });

  it.each([
    ['申请信息不存在的3件', 'requests.answered.notExist', 3],
    ['对申请的答复中，不属于本机关公开范围的2件', 'requests.answered.notThisAgency', 2],
    ['申请答复中非本机关掌握的4件', 'requests.answered.notThisAgency', 4],
    ['对申请予以公开5件、部分公开2件', 'requests.answered.partlyGranted', 2],
  ])('%s → %s %d', (text, code, value) => {
    expect(facts(text)[code]).toBe(value);
  });

  it('reads a 2012-style answer breakdown', () => {
    expect(
      facts(
        '对依申请公开的答复总数21条，其中同意公开答复数17条，其它公开答复数2条，免于公开答复数2条；',
      ),
    ).toEqual({
      'requests.answered': 21,
      'requests.answered.granted': 17,
      'requests.answered.denied': 2,
    });
  });

  it('does not split a joint outcome figure', () => {
    const text =
      '2023年全区接收通过邮寄、网络提交的各类政府信息公开申请共计81件，涉及自然人80件、商业企业1件。办结依申请公开81件，其中：予以公开及部分公开42件，占51.85%；不予公开5件，占6.17%；无法提供31件，占38.27%；因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。';
    expect(facts(text)).toEqual({
      'requests.received': 81,
      'requests.answered.denied': 5,
      'review.total': 2,
      'litigation.total': 7,
    });
  });

  it('reads a city-level summary', () => {
    const text =
      '市政府办公厅代表市政府共受理政府信息公开申请859件，申请数量较去年回落12.3%；答复政府信息公开申请805件（含上年度结转申请18件，另有72件申请按照《条例》顺延到下年度答复），均在法定期限内予以答复。予以公开及部分公开258件，占33.9%；不予公开35件，占4.34%；';
    expect(facts(text)).toEqual({
      'requests.received': 859,
      'requests.answered': 805,
      'requests.answered.denied': 35,
    });
  });

  it('does not take a partial answer count as the total', () => {
    expect(facts('申请中同意公开答复 9 件')['requests.answered']).toBeUndefined();
    expect(facts('受理申请10件，其中8件已答复')['requests.answered']).toBeUndefined();
  });
});

describe('review, litigation, complaints', () => {
  it.each([
    [
      '2015年兴庆区无因政府信息公开申请行政复议、提起行政诉讼情况。',
      { 'review.total': 0, 'litigation.total': 0 },
    ],
    [
      '2016年,全局未发生因政府信息公开引发的行政复议和行政诉讼案件。',
      { 'review.total': 0, 'litigation.total': 0 },
    ],
    [
      '无依申请公开项,无行政复议、诉讼、申诉情况,公众满意度较高。',
      {
        'requests.received': 0,
        'review.total': 0,
        'litigation.total': 0,
        'complaints.total': 0,
      },
    ],
    [
      '全区政府信息公开工作方面共有行政诉讼案件1件、行政复议案件2件，均已结案。',
      { 'litigation.total': 1, 'review.total': 2 },
    ],
    [
      '2024 年市科委有 1 件涉及政府信息公开工作的行政复\n议，该行政复议件未被复议审查机关纠错。涉及的行政诉讼数为\n0 件。',
      { 'review.total': 1, 'litigation.total': 0 },
    ],
    [
      '政府信息公开行政复议 351\n件，其中结果维持 72 件，结果纠正 64 件；政府信息公开行政诉讼 46 件，其中结果维持 25\n件',
      { 'review.total': 351, 'litigation.total': 46 },
    ],
    ['政府信息公开行政复议、行政诉讼均为0件。', { 'review.total': 0, 'litigation.total': 0 }],
    [
      '四、因政府信息公开申请行政复议、提起行政诉讼情况\n\n无。',
      { 'review.total': 0, 'litigation.total': 0 },
    ],
    ['行政复议和行政诉讼情况:无。', { 'review.total': 0, 'litigation.total': 0 }],
    ['本年度未因政府信息公开被申请行政复议。', { 'review.total': 0 }],
    ['因政府信息公开被举报投诉0件。', { 'complaints.total': 0 }],
    [
      '本年度涉及政府信息公开的行政复议、行政诉讼案件为0件。',
      { 'review.total': 0, 'litigation.total': 0 },
    ],
    ['被申请行政复议和提起行政诉讼的数量均为0。', { 'review.total': 0, 'litigation.total': 0 }],
    ['涉及政府信息公开的行政复议、行政诉讼案件共3件。', {}],
  ])('%s', (text, expected) => {
    expect(facts(text)).toEqual(expected);
  });

  it.each([
    ['pending count', '尚未审结的行政复议案件2件'],
    ['outcome', '行政复议件未被复议审查机关纠错'],
    ['national table', '三、行政复议数量 |\n件 |\n0 |\n四、行政诉讼数量 |\n件 |\n0 |'],
    ['glued Fujian table', '行政复议数条00行政诉讼数条00行政申诉数条00'],
    [
      'gov-2021 table',
      '行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持10203120001200000',
    ],
    ['hotline complaints', '受理12345热线投诉30件'],
    ['capacity, not an event', '没有专门处理行政复议的人员，无依申请公开工作经验。'],
    ['report outline', '本报告包括因政府信息公开申请行政复议、提起行政诉讼的情况等六个部分。'],
  ])('ignores %s', (_name, text) => {
    expect(facts(text)).toEqual({});
  });
});

describe('fees', () => {
  it.each([
    ['全年收取政府信息公开信息处理费 3940 元。', 2024, 'fees.processing', 3940, '元'],
    ['全年收取政府信息公开信息处理费 0 元。', 2023, 'fees.processing', 0, '元'],
    ['六、其他需要报告的事项2021年，无收取信息处理费情况。', 2021, 'fees.processing', 0, '元'],
    ['信息处理费收取情况:无。', 2022, 'fees.processing', 0, '元'],
    ['本年度不存在收取信息处理费的情况。', null, 'fees.processing', 0, '元'],
    [
      '本年度信息公开处理费收费情况\n2024 年，市科委未发生政府信息公开收费事项。',
      null,
      'fees.processing',
      0,
      '元',
    ],
    ['均未实行收费制度。', 2016, 'fees.collected', 0, '万元'],
    ['2015年我区各级工作部门依申请提供政府信息暂不收费。', 2015, 'fees.collected', 0, '万元'],
    ['依申请公开未收取任何费用。', 2014, 'fees.collected', 0, '万元'],
    ['依申请公开收取检索费、复制费共计120元。', 2012, 'fees.collected', 120, '元'],
    ['依申请公开收取费用0.5万元。', 2015, 'fees.collected', 0.5, '万元'],
    [
      '2025 年有 1 件政府信息公开申请案件收取信息处理费 380 元。',
      2025,
      'fees.processing',
      380,
      '元',
    ],
    [
      '依据《政府信息公开信息处理费管理办法》规定，2025年全市实际收取信息处理费共计400元。',
      null,
      'fees.processing',
      400,
      '元',
    ],
  ])('%s', (text, year, code, value, unit) => {
    const got = extractProseFacts(norm(text), { reportYear: year });
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ code, value, unit });
  });

  it.each([
    ['三公经费', '2016年,我中心三公经费”支出共计84.57万元,同比增长66%。'],
    ['行政事业性收费', '本年收费金额(单位:万元)行政事业性收费24252.311082'],
    ['fee schedule', '复制费收费标准为每页0.5元。'],
    ['tax relief', '办理下岗失业人员减免税共计91件，共计减免金额219062.78元'],
    ['disclosure spending', '产生的政府信息公开费用1万元。'],
  ])('ignores %s', (_name, text) => {
    expect(facts(text, 2016)).toEqual({});
  });
});

describe('capacity and training', () => {
  it.each([
    [
      '局机关明确了一名分管领导、确立了1个主办科室和3名专职信息联络员,确保了信息公开工作的顺利开展。',
      { 'capacity.staff.fullTime': 3 },
    ],
    [
      '局办公室建立AB岗工作制度,有2名兼职工作人员负责政务公开工作。',
      { 'capacity.staff.partTime': 2 },
    ],
    [
      '配备专职人员一名、兼职人员两名，负责政府信息公开工作。',
      { 'capacity.staff.fullTime': 1, 'capacity.staff.partTime': 2 },
    ],
    ['从事政府信息公开工作人员共5名。', { 'capacity.staff': 5 }],
    [
      '我局没有从事政府信息公开工作的全职人员，兼职人员1人。',
      { 'capacity.staff.fullTime': 0, 'capacity.staff.partTime': 1 },
    ],
    ['为此,专门配备了\n132名专、兼职工作人员,负责政府信息公开工作。', { 'capacity.staff': 132 }],
    ['政府信息公开专职和兼职人员共6名。', { 'capacity.staff': 6 }],
    [
      '全年举办政府信息公开培训班3期，培训人员达200人次。',
      { 'training.classes': 3, 'training.trainees': 200 },
    ],
  ])('%s', (text, expected) => {
    expect(facts(text)).toEqual(expected);
  });

  it.each([
    ['service-centre staff', '设置窗口32个,管理人员和窗口人员50人。'],
    ['兼任', '各村(社区)代办点指定4名以上社区基干兼任代办员'],
    ['no disclosure context', '中心有专职司机5名。'],
    ['press conferences', '组织召开了专项活动等新闻发布会 12 场'],
  ])('ignores %s', (_name, text) => {
    expect(facts(text)).toEqual({});
  });
});

describe('output', () => {
  it('spans point at the number in the input', () => {
    const text = norm('2023 年，我区在政府网站平台主动公开政府信息 1136 条。');
    const [f] = extractProseFacts(text);
    expect(f).toBeDefined();
    expect(text.slice(...(f as ProseFact).span)).toBe('1136');
  });

  it('spans of negative statements cover the phrase', () => {
    const text = norm('2016年,我局未收到依申请公开事项内容。');
    const [f] = extractProseFacts(text);
    expect(text.slice(...(f as ProseFact).span)).toBe('未收到依申请公开事项内容');
  });

  it('emits each code once, the first statement winning', () => {
    const got = extractProseFacts(
      norm('全年主动公开政府信息425条。在网站主动公开的政府信息中，主动公开政府信息400条。'),
    );
    expect(got.map((f) => [f.code, f.value])).toEqual([['proactive.items', 425]]);
  });
});

describe('hostile input', () => {
  const timed = (text: string): number => {
    const t0 = performance.now();
    extractProseFacts(text);
    return performance.now() - t0;
  };

  it('returns nothing for empty text', () => {
    expect(extractProseFacts('')).toEqual([]);
  });

  it('runs linearly on 1 MB of CJK junk', () => {
    const alphabet =
      '主动公开政府信息收到申请行政复议诉讼无未收取费处理专职兼职各乡镇条件元名的了是一';
    let seed = 7;
    const chars: string[] = [];
    for (let i = 0; i < 1_000_000; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      chars.push(alphabet[seed % alphabet.length] as string);
    }
    expect(timed(chars.join(''))).toBeLessThan(10_000);
  });

  it('runs linearly on 100k digits and on repeated labels', () => {
    expect(timed('9'.repeat(100_000))).toBeLessThan(10_000);
    expect(timed(`主动公开政府信息${'1'.repeat(100_000)}条`)).toBeLessThan(10_000);
    expect(timed('行政复议'.repeat(100_000))).toBeLessThan(10_000);
    expect(timed('无'.repeat(200_000))).toBeLessThan(10_000);
    expect(timed('1 '.repeat(200_000))).toBeLessThan(10_000);
  });
});

// ---------------------------------------------------------------------------------------------
// Corpus: every prose fact of the truth must be found; extras are reported, not asserted.

const corpus = new URL('../../../../test/fixtures/corpus/', import.meta.url);
const names = readdirSync(new URL('reports/', corpus))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -4))
  .sort();

interface Truth {
  year: number | null;
  prose: Record<string, number>;
}

describe('corpus recall', () => {
  const extras: string[] = [];
  let expected = 0;
  let found = 0;

  it.each(names)('%s', (name) => {
    const text = norm(readFileSync(new URL(`reports/${name}.txt`, corpus), 'utf8'));
    const truth = JSON.parse(readFileSync(new URL(`truth/${name}.json`, corpus), 'utf8')) as Truth;
    const got = extractProseFacts(text, { reportYear: truth.year });
    const byCode = new Map(got.map((f) => [f.code, f]));
    expect(new Set(got.map((f) => f.code)).size).toBe(got.length);
    for (const [code, value] of Object.entries(truth.prose)) {
      expected++;
      if (byCode.get(code)?.value === value) found++;
      expect(byCode.get(code)?.value, `${name} ${code}`).toBe(value);
    }
    for (const f of got) {
      if (f.code in truth.prose) continue;
      const around = text.slice(Math.max(0, f.span[0] - 20), f.span[1] + 6).replace(/\s+/g, '');
      extras.push(`${name}: ${f.code}=${f.value}${f.unit} (${f.confidence}) …${around}…`);
    }
  });

  it('reports recall and extras', () => {
    console.info(
      `prose recall ${found}/${expected}\nextra facts (${extras.length}):\n  ${extras.join('\n  ')}`,
    );
    expect(found).toBe(expected);
  });
});
