// Type-checked, never run: a client made with openapi-typescript + openapi-fetch calls every operation
// of the document, and the document's rules (bad reviews need reasons, an anonymous rating names no
// rater, mail needs a tracking number, POSTs need an Idempotency-Key) are caught at compile time.
import createClient from 'openapi-fetch';
import type { components, paths } from './generated/schema';

type Schemas = components['schemas'];

const client = createClient<paths>({ baseUrl: 'https://zwfw.example.gov.cn/api/v1' });
const key = { 'Idempotency-Key': '5f0c6a9e-2d4b-4b8e-9a51-7c2e1d3f4a60' };
const caseNumber = '15030220261123000017';
const code = '11150302MB154687214000105012000';
const evaluationId = 'ev_01JDB4C2H7P3N8Q5R6S9T0V1WX';

const application: Schemas['CaseCreate'] = {
  itemCode: code,
  formVersion: '1.0.0',
  applicant: {
    kind: 'person',
    name: '张丽',
    idType: 'residentIdCard',
    idNumber: '150302198805123015',
    mobile: '13947312345',
  },
  situationAnswers: { household: 'family' },
  formData: { currentHousing: 'rented' },
  materials: [
    { materialId: 'income-proof', provision: 'upload', uploadIds: ['up_01JDB3K7Q2X8V5N4M6R9T0W1YZ'] },
  ],
  commitmentAccepted: true,
  delivery: { method: 'window' },
};
const badReview: Schemas['EvaluationCreate'] = {
  target: { kind: 'onSite', itemCode: code, windowId: 'hbw-hall-b03' },
  level: 'dissatisfied',
  reasons: ['repeatedVisits'],
  channel: 'hallTablet',
  anonymous: false,
  rater: { name: '赵海燕', mobile: '15004736627' },
};
const mailed: Schemas['CaseTransition'] = {
  action: 'deliver',
  method: 'mail',
  trackingNumber: '1187654321098',
};

// @ts-expect-error a bad review needs at least one reason
const noReasons: Schemas['EvaluationCreate'] = { ...badReview, reasons: undefined };
// @ts-expect-error an anonymous rating names no rater
const anonymousWithRater: Schemas['EvaluationCreate'] = { ...badReview, anonymous: true };
// A real-name rating of a known applicant's case may leave the rater out: the server names them.
const realNameFromCase: Schemas['EvaluationCreate'] = { ...badReview, rater: undefined };
// @ts-expect-error a mailed result needs its tracking number
const mailedWithoutNumber: Schemas['CaseTransition'] = { action: 'deliver', method: 'mail' };

export const examples = [noReasons, anonymousWithRater, realNameFromCase, mailedWithoutNumber];

export async function everyOperation(
  file: Blob,
  staff: string,
  queryCode: string,
  formSession: string,
): Promise<unknown[]> {
  const asStaff = { headers: { Authorization: `Bearer ${staff}` } };
  const withCode = { headers: { 'X-Query-Code': queryCode } };
  const inSession = { headers: { 'X-Form-Session': formSession } };
  const withCheckInCode = { headers: { 'X-Query-Code': '4KQ7-WDX3' } };
  const appointmentNumber = 'YY2026120800012';
  const consultationNumber = 'ZX2612070K3P9Q';
  // @ts-expect-error every POST needs its Idempotency-Key
  await client.POST('/cases', { body: application });
  return Promise.all([
    client.GET('/items', { params: { query: { q: '公租房', region: ['150302', '150303'], limit: 20 } } }),
    client.GET('/items/{code}', { params: { path: { code }, header: { 'If-None-Match': '"i-1"' } } }),
    client.GET('/items/{code}/form', { params: { path: { code } } }),
    client.GET('/departments', { params: { query: { region: '150302' } } }),
    client.GET('/themes', { params: { query: { audience: 'naturalPerson' } } }),
    client.GET('/regions', { params: { query: { parent: '150300' } } }),
    client.POST('/uploads', {
      params: { header: key },
      body: { file: file as unknown as string, itemCode: code, materialId: 'income-proof' },
      bodySerializer: (body) => {
        const form = new FormData();
        for (const [name, value] of Object.entries(body)) form.append(name, value as Blob | string);
        return form;
      },
      ...inSession,
    }),
    client.GET('/uploads/{uploadId}', {
      params: { path: { uploadId: 'up_01JDB3K7Q2X8V5N4M6R9T0W1YZ' } },
      ...inSession,
    }),
    client.POST('/cases', { params: { header: key }, body: application }),
    client.GET('/cases', { params: { query: { state: 'submitted', overdue: true } }, ...asStaff }),
    client.GET('/cases/{caseNumber}', { params: { path: { caseNumber } }, ...withCode }),
    client.GET('/cases/{caseNumber}/timeline', { params: { path: { caseNumber } }, ...withCode }),
    client.GET('/cases/{caseNumber}/rating', { params: { path: { caseNumber } }, ...withCode }),
    client.POST('/cases/{caseNumber}/corrections', {
      params: { path: { caseNumber }, header: key },
      body: { materials: [{ materialId: 'labour-contract', provision: 'deferred' }] },
      ...withCode,
    }),
    client.POST('/cases/{caseNumber}/withdrawal', {
      params: { path: { caseNumber }, header: key },
      body: { reason: '已通过其他途径解决。' },
      ...withCode,
    }),
    client.POST('/cases/{caseNumber}/transitions', {
      params: { path: { caseNumber }, header: key },
      body: mailed,
      ...asStaff,
    }),
    client.GET('/calendar/{year}', { params: { path: { year: 2026 } }, ...asStaff }),
    client.PUT('/calendar/{year}', {
      params: { path: { year: 2026 } },
      body: { days: [{ date: '2026-10-01', kind: 'holiday', name: '国庆节' }] },
      ...asStaff,
    }),
    client.POST('/evaluations', { params: { header: key }, body: badReview }),
    client.GET('/evaluations', { params: { query: { bad: true, level: 'dissatisfied' } }, ...asStaff }),
    client.GET('/evaluations/summary', { params: { query: { item: code } } }),
    client.GET('/audit', { params: { query: { action: 'pii.reveal', outcome: 'failure' } }, ...asStaff }),
    client.GET('/evaluations/{evaluationId}', { params: { path: { evaluationId } }, ...asStaff }),
    client.POST('/evaluations/{evaluationId}/rectification-actions', {
      params: { path: { evaluationId }, header: key },
      body: { action: 'rectify', measures: '已补充照片回执要求。' },
      ...asStaff,
    }),
    client.GET('/me/cases', { params: { query: { state: 'accepted' } }, ...asStaff }),
    client.GET('/appointment-settings/{code}', { params: { path: { code } } }),
    client.PUT('/appointment-settings/{code}', {
      params: { path: { code } },
      body: { windowGroup: 'A12', windowName: 'A12 住房保障综合窗口', slotMinutes: 30, capacity: 4 },
      ...asStaff,
    }),
    client.GET('/appointment-slots', { params: { query: { itemCode: code } } }),
    client.POST('/appointment-verifications', { params: { header: key }, body: { mobile: '13947312345' } }),
    client.POST('/appointments', {
      params: { header: key },
      body: { itemCode: code, day: '2026-12-08', start: '09:30' },
      ...asStaff,
    }),
    client.GET('/appointments/{appointmentNumber}', {
      params: { path: { appointmentNumber } },
      ...withCheckInCode,
    }),
    client.POST('/appointments/{appointmentNumber}/cancellation', {
      params: { path: { appointmentNumber }, header: key },
      ...withCheckInCode,
    }),
    client.POST('/appointments/{appointmentNumber}/move', {
      params: { path: { appointmentNumber }, header: key },
      body: { day: '2026-12-09', start: '10:00' },
      ...withCheckInCode,
    }),
    client.POST('/appointment-check-ins', { params: { header: key }, body: { code: '4KQ7-WDX3' } }),
    client.POST('/appointment-queues/{windowGroup}/calls', {
      params: { path: { windowGroup: 'A12' }, header: key },
      ...asStaff,
    }),
    client.GET('/commitment-verifications', { params: { query: { overdue: true } }, ...asStaff }),
    client.GET('/evaluations/figures', { params: { query: { by: 'window', department: '150302-zjj' } } }),
    client.GET('/rating-rankings'),
    client.POST('/rating-rankings', {
      params: { header: key },
      body: { from: '2026-10-01', to: '2026-10-31' },
      ...asStaff,
    }),
    client.GET('/rating-rankings/{rankingId}', {
      params: { path: { rankingId: 'rk_01JDB4C2H7P3N8Q5R6S9T0V1WX' } },
    }),
    client.POST('/consultations', {
      params: { header: key },
      body: { itemCode: code, question: '外地户籍可以申请公共租赁住房吗？' },
    }),
    client.GET('/consultations', { params: { query: { overdue: true } }, ...asStaff }),
    client.GET('/consultations/figures', { params: { query: { department: '150302-zjj' } }, ...asStaff }),
    client.GET('/consultation-suggestions', { params: { query: { itemCode: code, q: 'waidihuji' } } }),
    client.GET('/consultations/{consultationNumber}', {
      params: { path: { consultationNumber } },
      ...withCode,
    }),
    client.POST('/consultations/{consultationNumber}/follow-up', {
      params: { path: { consultationNumber }, header: key },
      body: { question: '需要提供几个月的社保缴费记录？' },
      ...withCode,
    }),
    client.POST('/consultations/{consultationNumber}/answer', {
      params: { path: { consultationNumber }, header: key },
      body: { answer: '可以，须在本区连续缴纳社保满一年。' },
      ...asStaff,
    }),
    client.POST('/consultations/{consultationNumber}/publication', {
      params: { path: { consultationNumber }, header: key },
      body: { question: '外地户籍可以申请吗？', answer: '可以。', personalDataRemoved: true },
      ...asStaff,
    }),
    client.GET('/items/{code}/published-answers', { params: { path: { code } } }),
    client.GET('/me/consultations', { params: { query: { limit: 10 } } }),
    client.GET('/consultations/{consultationNumber}/attachment', {
      params: { path: { consultationNumber } },
      parseAs: 'blob',
      ...asStaff,
    }),
  ]);
}
