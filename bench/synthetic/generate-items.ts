import { readFileSync } from 'node:fs';
import { buildCreditCode, buildImplementationCode } from '../../packages/server/src/demo-catalogue/codes.js';
import { demoCatalogueDirectory } from '../../packages/server/src/demo-catalogue/load.js';
import type { DemoDepartment, DemoTheme, Item } from '../../packages/server/src/demo-catalogue/types.js';
import { hashString, mix, Random } from './random.js';
import {
  communityNames,
  departmentKinds,
  everydayNames,
  subItems,
  townships,
  type DepartmentKind,
} from './vocabulary.js';

type Level = 'city' | 'county' | 'township' | 'village';
type ItemType = Item['type'];
type Audience = Item['audience'][number];

const levelDigits: Record<Level, number> = { city: 3, county: 4, township: 5, village: 6 };
const typeOf: Record<string, [ItemType, string]> = {
  L: ['licensing', '01'],
  C: ['confirmation', '07'],
  B: ['benefit', '05'],
  P: ['publicService', '20'],
  O: ['otherPower', '10'],
  J: ['adjudication', '09'],
  R: ['reward', '08'],
};
const audienceOf: Record<string, Audience> = {
  p: 'naturalPerson',
  e: 'enterprise',
  i: 'publicInstitution',
  s: 'socialOrganisation',
};
const villageNames = ['新民', '前进', '红星', '东风', '胜利', '丰收'];

interface Place {
  code: string;
  name: string;
  city: string;
  province: string;
  phonePrefix: string;
  hotline: string;
  portal: [url: string, label: string];
}

const cities: Place[] = [
  {
    code: '150200',
    name: '包头市',
    city: '包头市',
    province: '内蒙古自治区',
    phonePrefix: '0472',
    hotline: '包头市12345政务服务便民热线',
    portal: ['https://zwfw.nmg.gov.cn', '内蒙古政务服务网“好差评”'],
  },
  {
    code: '150300',
    name: '乌海市',
    city: '乌海市',
    province: '内蒙古自治区',
    phonePrefix: '0473',
    hotline: '乌海12345便民热线',
    portal: ['https://zwfw.nmg.gov.cn', '内蒙古政务服务网“好差评”'],
  },
  {
    code: '620300',
    name: '金昌市',
    city: '金昌市',
    province: '甘肃省',
    phonePrefix: '0935',
    hotline: '金昌市12345政务服务便民热线',
    portal: ['https://zwfw.gansu.gov.cn', '甘肃政务服务网“好差评”'],
  },
];
const countyNames: Record<string, string> = {
  '150202': '东河区',
  '150203': '昆都仑区',
  '150204': '青山区',
  '150205': '石拐区',
  '150206': '白云鄂博矿区',
  '150207': '九原区',
  '150221': '土默特右旗',
  '150222': '固阳县',
  '150223': '达尔罕茂明安联合旗',
  '150302': '海勃湾区',
  '150303': '海南区',
  '150304': '乌达区',
  '620302': '金川区',
  '620321': '永昌县',
};

/** A department of the generated catalogue, where it sits and what it does. */
interface GeneratedDepartment {
  ref: { id: string; name: string; creditCode: string };
  kind: DepartmentKind;
  kindIndex: number;
  level: Level;
  place: Place;
  /** The region the items belong to (a county's code for its streets and communities). */
  regionCode: string;
  regionName: string;
  hall: { name: string; address: string };
}

/** One generated name: which item of the department kind and which business sub-item. */
interface Template {
  itemIndex: number;
  main: string;
  suffix: string;
  suffixIndex: number;
  typeLetter: string;
  audiences: Audience[];
  themes: string[];
}

interface Universe {
  departments: GeneratedDepartment[];
  templates: Template[][];
  /** offsets[d] = the index of department d's first template in the flattened space. */
  offsets: number[];
  capacity: number;
  themes: Map<string, string>;
}

let universe: Universe | undefined;

function readSeedList<T>(file: string): T[] {
  return JSON.parse(readFileSync(new URL(file, demoCatalogueDirectory), 'utf8')) as T[];
}

function templatesOf(kind: DepartmentKind): Template[] {
  const out: Template[] = [];
  kind.items.forEach((line, itemIndex) => {
    const [main, letter, audiences, themes] = line.split('|') as [string, string, string, string];
    (subItems[letter] ?? ['']).forEach((suffix, suffixIndex) => {
      out.push({
        itemIndex,
        main,
        suffix,
        suffixIndex,
        typeLetter: letter,
        audiences: audiences.split(',').map((a) => audienceOf[a]!),
        themes: themes.split(','),
      });
    });
  });
  return out;
}

/** Builds (once) every department the generator can use and the templates each can implement. */
function buildUniverse(): Universe {
  const seedDepartments = new Map(readSeedList<DemoDepartment>('departments.json').map((d) => [d.id, d]));
  const themes = new Map(readSeedList<DemoTheme>('themes.json').map((t) => [t.id, t.name]));
  const usedCodes = new Set([...seedDepartments.values()].map((d) => d.creditCode));
  const departments: GeneratedDepartment[] = [];
  const add = (
    kind: DepartmentKind,
    kindIndex: number,
    level: Level,
    place: Place,
    regionCode: string,
    regionName: string,
    id: string,
    name: string,
    hallName: string,
    address: string,
  ) => {
    const seeded = seedDepartments.get(id);
    let creditCode = seeded?.creditCode;
    for (let attempt = 0; !creditCode; attempt++) {
      // An 8-digit organisation-code body derived from the id, so the same department always gets the same code.
      const body = String(10000000 + (hashString(`${id}#${attempt}`) % 90000000));
      const candidate = buildCreditCode(kind.codePrefix[0]!, kind.codePrefix[1]!, regionCode, body);
      if (!usedCodes.has(candidate)) creditCode = candidate;
    }
    usedCodes.add(creditCode);
    departments.push({
      ref: { id, name: seeded?.name ?? name, creditCode },
      kind,
      kindIndex,
      level,
      place,
      regionCode,
      regionName,
      hall: { name: hallName, address },
    });
  };
  departmentKinds.forEach((kind, kindIndex) => {
    for (const place of cities) {
      const countyCodes = Object.keys(countyNames).filter(
        (code) => code.slice(0, 4) === place.code.slice(0, 4),
      );
      if (kind.levels.includes('city')) {
        add(
          kind,
          kindIndex,
          'city',
          place,
          place.code,
          place.name,
          `${place.code}-${kind.abbr}`,
          `${place.name}${kind.suffix}`,
          `${place.name}政务服务中心`,
          `${place.province}${place.name}政务服务中心`,
        );
      }
      for (const county of countyCodes) {
        const countyName = countyNames[county]!;
        const hallAddress = `${place.province}${place.name}${countyName}政务服务中心`;
        if (kind.levels.includes('county')) {
          const name = kind.countyName
            ? kind.countyName(place.name, countyName)
            : `${place.name === '包头市' ? place.name : ''}${countyName}${kind.suffix}`;
          add(
            kind,
            kindIndex,
            'county',
            place,
            county,
            countyName,
            `${county}-${kind.abbr}`,
            name,
            `${countyName}政务服务中心`,
            hallAddress,
          );
        }
        (townships[county] ?? []).forEach((township, townshipIndex) => {
          const isTown = /[镇乡]$/.test(township);
          const townshipAddress = `${place.province}${place.name}${countyName}${township}便民服务中心`;
          if (kind.levels.includes('township')) {
            const name = `${countyName}${township}${isTown ? '人民政府' : kind.suffix}`;
            add(
              kind,
              kindIndex,
              'township',
              place,
              county,
              countyName,
              `${county}-t${townshipIndex + 1}-${kind.abbr}`,
              name,
              `${township}便民服务中心`,
              townshipAddress,
            );
          }
          if (kind.levels.includes('village')) {
            (isTown ? villageNames : communityNames).forEach((community, communityIndex) => {
              const unit = isTown ? `${community}村` : `${community}社区`;
              const name = `${countyName}${township}${unit}${isTown ? '村民委员会' : kind.suffix}`;
              add(
                kind,
                kindIndex,
                'village',
                place,
                county,
                countyName,
                `${county}-t${townshipIndex + 1}-v${communityIndex + 1}-${kind.abbr}`,
                name,
                `${township}${unit}便民服务站`,
                `${townshipAddress.replace('便民服务中心', '')}${unit}党群服务中心`,
              );
            });
          }
        });
      }
    }
  });
  const templatesByKind = departmentKinds.map(templatesOf);
  const templates = departments.map((d) => templatesByKind[d.kindIndex]!);
  const offsets: number[] = [];
  let capacity = 0;
  for (const list of templates) {
    offsets.push(capacity);
    capacity += list.length;
  }
  return { departments, templates, offsets, capacity, themes };
}

function getUniverse(): Universe {
  return (universe ??= buildUniverse());
}

/** How many distinct items `generateItems` can produce. */
export function generatedItemCapacity(): number {
  return getUniverse().capacity;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** The department index whose slice of the space holds `position` (binary search over the offsets). */
function departmentAt(offsets: number[], position: number): number {
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (offsets[middle]! <= position) low = middle;
    else high = middle - 1;
  }
  return low;
}

const audienceWords: Record<Audience, string> = {
  naturalPerson: '个人',
  enterprise: '企业',
  publicInstitution: '事业单位',
  socialOrganisation: '社会组织',
  other: '其他组织',
};

function timeLimit(value: number): Item['promisedTimeLimit'] {
  return { value, unit: 'workingDays' };
}

function buildItem(u: Universe, departmentIndex: number, template: Template, random: Random): Item {
  const d = u.departments[departmentIndex]!;
  const [type, typeCode] = typeOf[template.typeLetter]!;
  const name = `${template.main}${template.suffix}`;
  const catalogCode = `${typeCode}${String(5000 + d.kindIndex * 40 + template.itemIndex).padStart(4, '0')}${String(template.suffixIndex + 1).padStart(3, '0')}000`;
  const code = buildImplementationCode(d.ref.creditCode, levelDigits[d.level], catalogCode);
  const depth = random.weighted([
    ['IV', 72],
    ['III', 18],
    ['II', 9.7],
    ['I', 0.3],
  ] as const);
  const visits = depth === 'IV' ? 0 : depth === 'I' ? random.int(1, 2) : 1;
  const immediate = template.typeLetter === 'P' ? random.chance(0.7) : random.chance(0.35);
  const promised = immediate ? 0 : random.pick([1, 2, 3, 5, 5, 7, 10, 15]);
  const statutory = Math.max(promised, random.pick([5, 10, 15, 20, 20, 30]));
  const person = template.audiences.includes('naturalPerson');
  const audienceWord = template.audiences.map((a) => audienceWords[a]).join('、');
  const phone = `${d.place.phonePrefix}-${String(2000000 + (hashString(d.ref.id) % 7000000))}`;
  const hasAgentQuestion = random.chance(0.3);
  const identity: Item['materials'][number] = person
    ? {
        id: 'id-card',
        name: '申请人居民身份证',
        kind: 'certificate',
        form: 'either',
        necessity: 'required',
        source: 'government',
        originals: 1,
        copies: 0,
        issuedBy: '公安机关',
        eLicence: 'resident-id-card',
      }
    : {
        id: 'business-licence',
        name: '营业执照或法人登记证书',
        kind: 'certificate',
        form: 'electronic',
        necessity: 'required',
        source: 'government',
        originals: 0,
        copies: 0,
        issuedBy: '登记机关',
        eLicence: 'business-licence',
      };
  const materials: Item['materials'] = [identity];
  if (template.typeLetter !== 'P') {
    materials.push({
      id: 'application',
      name: `${template.main}申请表`,
      kind: 'form',
      form: 'either',
      necessity: 'required',
      source: 'applicant',
      originals: 1,
      copies: 0,
      blankFormUrl: `/files/${d.regionCode}/${catalogCode}/application-blank.pdf`,
    });
  }
  random.sample(d.kind.materials, random.int(0, 3)).forEach((materialName, index) => {
    const deferrable = index > 0 && random.chance(0.2);
    materials.push({
      id: `m${index + 1}`,
      name: materialName,
      kind: /证|证明|执照/.test(materialName) ? 'certificate' : /表|书/.test(materialName) ? 'form' : 'other',
      form: random.pick(['paper', 'electronic', 'either'] as const),
      necessity: deferrable ? 'deferrable' : random.chance(0.15) ? 'optional' : 'required',
      source: 'applicant',
      originals: 1,
      copies: random.int(0, 1),
      ...(deferrable ? { deferDays: random.pick([5, 10, 15]) } : {}),
    });
  });
  const situations: Item['situations'] = [];
  if (hasAgentQuestion) {
    situations.push({
      id: 'agent',
      question: '是否委托他人代为办理？',
      multiple: false,
      options: [
        { id: 'self', label: '本人办理' },
        { id: 'agent', label: '委托代理人办理' },
      ],
    });
    materials.push(
      {
        id: 'power-of-attorney',
        name: '授权委托书',
        kind: 'form',
        form: 'either',
        necessity: 'required',
        source: 'applicant',
        originals: 1,
        copies: 0,
        appliesWhen: { scope: '#situation/agent', schema: { const: 'agent' } },
      },
      {
        id: 'agent-id-card',
        name: '代理人居民身份证',
        kind: 'certificate',
        form: 'either',
        necessity: 'required',
        source: 'government',
        originals: 1,
        copies: 0,
        eLicence: 'resident-id-card',
        appliesWhen: { scope: '#situation/agent', schema: { const: 'agent' } },
      },
    );
  }
  const summaries: Record<string, string> = {
    L: `在${d.regionName}从事相关活动的${audienceWord}，向${d.ref.name}申请${name}；材料齐全、符合法定形式的予以受理，并在承诺时限内作出决定。`,
    C: `${audienceWord}向${d.ref.name}申请${name}，经审查符合条件的予以确认。`,
    B: `符合条件的${audienceWord}向${d.ref.name}申请${template.main}，审核通过后按规定发放。`,
    P: `${d.ref.name}为${audienceWord}提供${template.main}服务，可网上办理，也可到${d.hall.name}办理。`,
    O: `${audienceWord}依法向${d.ref.name}办理${name}。`,
    J: `${audienceWord}就${template.main.replace(/仲裁$/, '')}纠纷向${d.ref.name}申请${template.main}。`,
    R: `符合条件的${audienceWord}向${d.ref.name}申报${template.main}。`,
  };
  const bases = random.sample(d.kind.bases, Math.min(d.kind.bases.length, random.int(1, 2)));
  const stepsAll: [string, string][] = immediate
    ? [
        ['申请', `通过网上或到${d.hall.name}提交申请。`],
        ['受理办结', '材料齐全、符合法定形式的当场办结。'],
      ]
    : [
        ['申请', `通过网上或到${d.hall.name}提交申请。`],
        ['受理', '对申请材料进行审查，材料不全的一次性告知需要补正的全部内容。'],
        ['审查', '对申请材料进行审查，需要现场核查的组织核查。'],
        ['决定', `在${promised}个工作日内作出决定。`],
        ['送达', '结果可窗口领取或免费邮寄。'],
      ];
  const results: Record<string, Item['result']> = {
    L: { name: `${template.main.replace(/许可$|审批$|核发$/, '')}许可决定书`, kind: 'decision' },
    C: { name: `${template.main}证明`, kind: 'certificate' },
    B: { name: `${template.main}审批结果`, kind: 'decision' },
    O: { name: `${template.main}备案回执`, kind: 'certificate' },
    J: { name: `${template.main}裁决书`, kind: 'decision' },
    R: { name: `${template.main}决定`, kind: 'decision' },
  };
  const result = results[template.typeLetter];
  const updated = new Date(Date.UTC(2025, 0, 1) + random.int(0, 668) * 86400000 + random.int(1, 9) * 3600000);
  const status = random.weighted([
    ['active', 990],
    ['suspended', 5],
    ['abolished', 5],
  ] as const);
  return {
    code,
    name,
    kind: 'item',
    type,
    department: d.ref,
    regionCode: d.regionCode,
    level: d.level,
    audience: template.audiences,
    themes: template.themes.map((id) => ({ id, name: u.themes.get(id) ?? id })),
    onlineDepth: depth,
    onSiteVisits: visits > 0 ? { count: visits, reason: '需到窗口核验原件并领取办理结果。' } : { count: 0 },
    crossRegionScope: random.weighted([
      ['none', 88],
      ['interCounty', 5],
      ['interCity', 3],
      ['interProvincial', 3],
      ['national', 1],
    ] as const),
    processingType: immediate ? 'immediate' : 'promised',
    promisedTimeLimit: timeLimit(promised),
    formVersion: null,
    status,
    catalogCode,
    version: `1.0.${random.int(0, 4)}`,
    aliases: everydayNames[template.main] ?? [],
    summary: summaries[template.typeLetter]!,
    jointDepartments: [],
    statutoryTimeLimit: timeLimit(statutory),
    channels: depth === 'I' ? ['window'] : depth === 'IV' ? ['window', 'pc', 'mobile'] : ['window', 'pc'],
    supports: {
      appointment: random.chance(0.6),
      onlinePayment: false,
      expressDelivery: depth !== 'I' && random.chance(0.5),
    },
    conditions: [
      `申请人为${audienceWord}，符合${template.main}的法定条件。`,
      '申请材料齐全、真实，符合法定形式。',
    ],
    situations,
    materials,
    commitmentAvailable: random.chance(0.15),
    fees: [],
    windows: [
      {
        id: `${d.ref.id}-w1`,
        name:
          d.level === 'village' ? '便民服务窗口' : `${d.kind.suffix.replace(/局$|委员会$|办事处$/, '')}窗口`,
        hallName: d.hall.name,
        address: d.hall.address,
        regionCode: d.regionCode,
        hours: '工作日 9:00–12:00，13:30–17:30（法定节假日除外）',
        phone,
      },
    ],
    legalBases: bases.map(([baseName, article, text]) => ({
      name: baseName,
      ...(article ? { article } : {}),
      text,
    })),
    steps: stepsAll.map(([title, description], index) => ({ order: index + 1, title, description })),
    ...(result ? { result } : {}),
    faqs: [
      {
        question: `办理${name}需要多长时间？`,
        answer: immediate
          ? '材料齐全、符合法定形式的，当场办结。'
          : `承诺${promised}个工作日内办结，法定时限为${statutory}个工作日。`,
      },
      {
        question: '可以网上办理吗？',
        answer:
          depth === 'IV'
            ? '可以，全程网上办理，无需到现场。'
            : depth === 'I'
              ? '暂不支持网上办理，请到窗口办理。'
              : `可以网上申请，需到${d.hall.name}${visits}次。`,
      },
    ],
    consultation: [
      { kind: 'phone', value: phone, label: d.ref.name },
      { kind: 'hotline', value: '12345', label: d.place.hotline },
    ],
    complaint: [
      { kind: 'hotline', value: '12345', label: d.place.hotline },
      { kind: 'web', value: d.place.portal[0], label: d.place.portal[1] },
    ],
    bundleMembers: [],
    updatedAt: updated.toISOString().replace('.000Z', 'Z'),
  };
}

/**
 * Generates a catalogue of `count` distinct, realistic items for benchmarks: real item names and
 * business sub-items (业务办理项) of 21 kinds of department, implemented at city, county, township and
 * community level across the Baotou, Wuhai and Jinchang districts. The same `seed` always gives the
 * same items, in the same order; codes never repeat and never collide with the hand-written catalogue
 * (generated catalog codes start at 5000). Items are built lazily, so iterating 45,800 of them takes
 * well under a second and little memory.
 * @throws RangeError when `count` exceeds `generatedItemCapacity()`.
 */
export function* generateItems(count: number, seed: number): Iterable<Item> {
  const u = getUniverse();
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  if (count > u.capacity)
    throw new RangeError(`can generate at most ${u.capacity} distinct items, asked for ${count}`);
  const n = u.capacity;
  // Walk the space in a seeded pseudo-random order: position = (step × i + start) mod n, step coprime with n.
  let step = (mix(seed, 1) % (n - 1)) + 1;
  while (gcd(step, n) !== 1) step = (step % (n - 1)) + 1;
  const start = mix(seed, 2) % n;
  for (let i = 0; i < count; i++) {
    const position = (step * i + start) % n;
    const departmentIndex = departmentAt(u.offsets, position);
    const template = u.templates[departmentIndex]![position - u.offsets[departmentIndex]!]!;
    yield buildItem(u, departmentIndex, template, new Random(mix(seed, position)));
  }
}
