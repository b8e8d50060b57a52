// Example cases in every state, as the reference server returns them (ID numbers and mobiles masked).
// Used by the tests that need no server and by the stories; not part of the package's runtime.
import type { CaseState, TimelineEntry, TrackedCase } from './types.js';

const office = '海勃湾区政务服务中心 A12 窗口';
const staff = { kind: 'staff' as const, office, staffName: '高敏', staffId: 'HBW-0312' };

/** Where a written decision may be challenged, as the locality sets it. */
const remedies = {
  reconsideration: { body: '海勃湾区人民政府', days: 60 },
  litigation: { court: '海勃湾区人民法院', months: 6 },
};

const base: TrackedCase = {
  caseNumber: '15030220261123000017',
  state: 'submitted',
  itemCode: '11150302MB154687214000105012000',
  itemName: '公共租赁住房申请',
  department: { id: '150302-zjj', name: '海勃湾区住房和城乡建设局' },
  formVersion: '1.0.0',
  submittedAt: '2026-11-23T09:15:42+08:00',
  acceptedAt: null,
  promisedDeadline: null,
  workingDaysLeft: null,
  overdue: false,
  suspendedDays: 0,
  applicant: {
    kind: 'person',
    name: '张丽',
    idType: 'residentIdCard',
    maskedIdNumber: '1503**********3015',
    maskedMobile: '139****2345',
  },
  materials: [],
  corrections: [],
  suspension: null,
  decision: null,
  commitmentAccepted: true,
  delivery: { method: 'window', deliveredAt: null },
  concludedAt: null,
  evaluationId: null,
  updatedAt: '2026-11-23T09:15:42+08:00',
};

const accepted = {
  acceptedAt: '2026-11-24T10:05:00+08:00',
  promisedDeadline: '2026-12-15',
  workingDaysLeft: 13,
};
const correction = {
  requestedAt: '2026-11-23T15:00:00+08:00',
  deadline: '2026-12-01',
  note: '请在期限内补正，逾期未补正的视为放弃申请。',
  items: [
    {
      materialId: 'income-proof',
      name: '收入证明',
      reason: '收入证明未加盖单位公章，请重新上传加盖公章的版本。',
    },
    { name: '现住房情况', reason: '请在补正说明中写明现住房的产权人。' },
  ],
  fulfilledAt: null,
};
const approved = {
  outcome: 'approved' as const,
  decidedAt: '2026-12-03T16:20:00+08:00',
  resultName: '公共租赁住房资格确认通知书',
  resultNumber: '海住保〔2026〕第 1187 号',
};

/** The case as it looks in `state`. */
export const sampleCases: Record<CaseState | 'overdue' | 'mailed' | 'bundle', TrackedCase> = {
  submitted: base,
  correctionRequested: { ...base, state: 'correctionRequested', corrections: [correction] },
  accepted: { ...base, ...accepted, state: 'accepted' },
  overdue: { ...base, ...accepted, state: 'accepted', workingDaysLeft: -2, overdue: true },
  suspended: {
    ...base,
    ...accepted,
    state: 'suspended',
    suspendedDays: 3,
    suspension: { since: '2026-11-26T15:00:00+08:00', reason: '需组织专家评审，评审时间不计入办理时限。' },
  },
  rejected: {
    ...base,
    state: 'rejected',
    decision: {
      outcome: 'rejected',
      decidedAt: '2026-11-24T10:05:00+08:00',
      reason: '申请事项不属于本机关职权范围。',
      documentNumber: '不受字〔2026〕第3号',
      remedies,
    },
  },
  approved: { ...base, ...accepted, state: 'approved', decision: approved },
  denied: {
    ...base,
    ...accepted,
    state: 'denied',
    decision: {
      outcome: 'denied',
      decidedAt: '2026-12-03T16:20:00+08:00',
      reason: '家庭人均月收入超过规定标准。',
      documentNumber: '不许字〔2026〕第17号',
      remedies,
    },
  },
  concluded: {
    ...base,
    ...accepted,
    workingDaysLeft: null,
    state: 'concluded',
    decision: approved,
    concludedAt: '2026-12-03T16:30:00+08:00',
  },
  delivered: {
    ...base,
    ...accepted,
    workingDaysLeft: null,
    state: 'delivered',
    decision: approved,
    concludedAt: '2026-12-03T16:30:00+08:00',
    delivery: { method: 'window', deliveredAt: '2026-12-04T09:30:00+08:00' },
  },
  mailed: {
    ...base,
    ...accepted,
    workingDaysLeft: null,
    state: 'delivered',
    decision: approved,
    concludedAt: '2026-12-03T16:30:00+08:00',
    delivery: {
      method: 'mail',
      address: {
        recipient: '张丽',
        maskedMobile: '139****2345',
        regionCode: '150302',
        detail: '黄河东街 29 号',
      },
      carrier: '中国邮政 EMS',
      trackingNumber: '1187654321098',
      deliveredAt: '2026-12-04T09:30:00+08:00',
    },
  },
  withdrawn: { ...base, state: 'withdrawn' },
  terminated: { ...base, state: 'terminated' },
  revoked: {
    ...base,
    ...accepted,
    state: 'revoked',
    decision: approved,
    verification: { result: 'untrue', dueDate: '2027-01-14', verifiedAt: '2027-01-10T15:00:00+08:00' },
    revocation: {
      revokedAt: '2027-01-10T15:00:00+08:00',
      reason: '核查发现申请人在本市另有住房。',
      creditRecord: true,
    },
  },
  bundle: newbornBundle(),
};

/** 新生儿出生“一件事”: one member case per department, handled in parallel; one member was refused. */
function newbornBundle(): TrackedCase {
  const member = (number: string, itemName: string, department: string, departmentId: string) => ({
    caseNumber: `150302202611230000${number}`,
    itemCode: '11150302MB1A22948N4200102001000',
    itemName,
    department: { id: departmentId, name: department },
    state: 'submitted' as CaseState,
    promisedDeadline: null as string | null,
    overdue: false,
    concludedAt: null as string | null,
  });
  return {
    ...base,
    ...accepted,
    caseNumber: '15030220261123000021',
    itemCode: '11150302MB1A22948N4201099001000',
    itemName: '新生儿出生“一件事”',
    department: { id: '150302-wjw', name: '海勃湾区卫生健康委员会' },
    promisedDeadline: null,
    workingDaysLeft: null,
    state: 'accepted',
    bundle: {
      state: 'inProgress',
      refusedMembers: 1,
      members: [
        {
          ...member('22', '出生医学证明首次签发', '海勃湾区卫生健康委员会', '150302-wjw'),
          state: 'concluded',
          concludedAt: '2026-11-24T11:00:00+08:00',
        },
        { ...member('23', '出生登记', '乌海市公安局海勃湾区分局', '150302-gaj'), state: 'rejected' },
        {
          ...member('24', '城乡居民基本医疗保险参保登记', '海勃湾区医疗保障局', '150302-ybj'),
          state: 'accepted',
          promisedDeadline: '2026-11-27',
        },
        member('25', '社会保障卡申领', '海勃湾区人力资源和社会保障局', '150302-rsj'),
      ],
    },
  };
}

/** A timeline up to acceptance. */
export const sampleTimeline: TimelineEntry[] = [
  {
    id: 'tl_1',
    at: '2026-11-23T09:15:42+08:00',
    action: 'submit',
    stateAfter: 'submitted',
    actor: { kind: 'applicant', office: '申请人' },
  },
  {
    id: 'tl_2',
    at: '2026-11-24T10:05:00+08:00',
    action: 'accept',
    stateAfter: 'accepted',
    actor: staff,
    opinion: '材料齐全，符合法定形式，予以受理。',
  },
];
