// Type-checked, never run: a client made with @hey-api/openapi-ts (its default fetch client and SDK)
// calls every operation of the document, and the rules it can express are caught at compile time.
import * as sdk from './generated/sdk.gen';
import type { CaseCreate, CaseTransition, EvaluationCreate } from './generated/types.gen';

const key = { 'Idempotency-Key': '5f0c6a9e-2d4b-4b8e-9a51-7c2e1d3f4a60' };
const caseNumber = '15030220261123000017';
const code = '11150302MB154687214000105012000';
const evaluationId = 'ev_01JDB4C2H7P3N8Q5R6S9T0V1WX';

const application: CaseCreate = {
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
  delivery: {
    method: 'mail',
    address: { recipient: '张丽', mobile: '13947312345', regionCode: '150302', detail: '滨河社区 12 号楼' },
  },
};
const badReview: EvaluationCreate = {
  target: { kind: 'case', caseNumber },
  level: 'veryDissatisfied',
  reasons: ['slowProcessing'],
  channel: 'mobile',
  anonymous: false,
  rater: { name: '张丽', mobile: '13947312345' },
};
const mailed: CaseTransition = { action: 'deliver', method: 'mail', trackingNumber: '1187654321098' };

// @ts-expect-error a bad review needs at least one reason
const noReasons: EvaluationCreate = { ...badReview, reasons: undefined };
// A real-name rating of a known applicant's case may leave the rater out: the server names them.
const realNameFromCase: EvaluationCreate = { ...badReview, rater: undefined };
// @ts-expect-error a mailed result needs its tracking number
const mailedWithoutNumber: CaseTransition = { action: 'deliver', method: 'mail' };

export const examples = [noReasons, realNameFromCase, mailedWithoutNumber];

export async function everyOperation(file: Blob, queryCode: string, formSession: string): Promise<unknown[]> {
  const withCode = { headers: { 'X-Query-Code': queryCode } };
  const inSession = { 'X-Form-Session': formSession };
  const withCheckInCode = { 'X-Query-Code': '4KQ7-WDX3' };
  const appointmentNumber = 'YY2026120800012';
  const consultationNumber = 'ZX2612070K3P9Q';
  // @ts-expect-error every POST needs its Idempotency-Key
  await sdk.createCase({ body: application });
  return Promise.all([
    sdk.listItems({ query: { q: '公租房', region: ['150302', '150303'], limit: 20 } }),
    sdk.getItem({ path: { code }, headers: { 'If-None-Match': '"i-1"' } }),
    sdk.getItemForm({ path: { code } }),
    sdk.listDepartments({ query: { region: '150302' } }),
    sdk.listThemes({ query: { audience: 'naturalPerson' } }),
    sdk.listRegions({ query: { parent: '150300' } }),
    sdk.createUpload({
      headers: { ...key, ...inSession },
      body: { file, itemCode: code, materialId: 'income-proof' },
    }),
    sdk.getUpload({ path: { uploadId: 'up_01JDB3K7Q2X8V5N4M6R9T0W1YZ' }, headers: inSession }),
    sdk.createCase({ headers: key, body: application }),
    sdk.listCases({ query: { state: 'submitted', overdue: true } }),
    sdk.getCase({ path: { caseNumber }, ...withCode }),
    sdk.listCaseTimeline({ path: { caseNumber }, ...withCode }),
    sdk.getCaseRating({ path: { caseNumber }, ...withCode }),
    sdk.submitCaseCorrection({
      path: { caseNumber },
      headers: { ...key, ...withCode.headers },
      body: { materials: [{ materialId: 'labour-contract', provision: 'deferred' }] },
    }),
    sdk.withdrawCase({ path: { caseNumber }, headers: key, body: { reason: '已通过其他途径解决。' } }),
    sdk.transitionCase({ path: { caseNumber }, headers: key, body: mailed }),
    sdk.getCalendar({ path: { year: 2026 } }),
    sdk.putCalendar({ path: { year: 2026 }, body: { days: [{ date: '2026-10-01', kind: 'holiday' }] } }),
    sdk.createEvaluation({ headers: key, body: badReview }),
    sdk.listEvaluations({ query: { bad: true, level: 'dissatisfied' } }),
    sdk.getEvaluationSummary({ query: { item: code } }),
    sdk.listAuditRecords({ query: { action: 'pii.reveal', outcome: 'failure' } }),
    sdk.getEvaluation({ path: { evaluationId } }),
    sdk.recordRectificationAction({
      path: { evaluationId },
      headers: key,
      body: { action: 'callback', reached: true, note: '已电话联系申请人。' },
    }),
    sdk.listMyCases({ query: { state: 'accepted' } }),
    sdk.getAppointmentSettings({ path: { code } }),
    sdk.putAppointmentSettings({
      path: { code },
      body: { windowGroup: 'A12', windowName: 'A12 住房保障综合窗口', slotMinutes: 30, capacity: 4 },
    }),
    sdk.listAppointmentSlots({ query: { itemCode: code } }),
    sdk.sendAppointmentVerification({ headers: key, body: { mobile: '13947312345' } }),
    sdk.createAppointment({ headers: key, body: { itemCode: code, day: '2026-12-08', start: '09:30' } }),
    sdk.getAppointment({ path: { appointmentNumber }, headers: withCheckInCode }),
    sdk.cancelAppointment({ path: { appointmentNumber }, headers: { ...key, ...withCheckInCode } }),
    sdk.moveAppointment({
      path: { appointmentNumber },
      headers: { ...key, ...withCheckInCode },
      body: { day: '2026-12-09', start: '10:00' },
    }),
    sdk.checkInAppointment({ headers: key, body: { code: '4KQ7-WDX3' } }),
    sdk.callQueueTicket({ path: { windowGroup: 'A12' }, headers: key }),
    sdk.listCommitmentVerifications({ query: { overdue: true } }),
    sdk.listEvaluationFigures({ query: { by: 'window', department: '150302-zjj' } }),
    sdk.listRatingRankings(),
    sdk.publishRatingRanking({ headers: key, body: { from: '2026-10-01', to: '2026-10-31' } }),
    sdk.getRatingRanking({ path: { rankingId: 'rk_01JDB4C2H7P3N8Q5R6S9T0V1WX' } }),
    sdk.createConsultation({
      headers: key,
      body: { itemCode: code, question: '外地户籍可以申请公共租赁住房吗？' },
    }),
    sdk.listConsultations({ query: { overdue: true } }),
    sdk.getConsultationFigures({ query: { department: '150302-zjj' } }),
    sdk.listConsultationSuggestions({ query: { itemCode: code, q: 'waidihuji' } }),
    sdk.getConsultation({ path: { consultationNumber }, ...withCode }),
    sdk.createConsultationFollowUp({
      path: { consultationNumber },
      headers: { ...key, ...withCode.headers },
      body: { question: '需要提供几个月的社保缴费记录？' },
    }),
    sdk.answerConsultation({
      path: { consultationNumber },
      headers: key,
      body: { answer: '可以，须在本区连续缴纳社保满一年。' },
    }),
    sdk.publishConsultation({
      path: { consultationNumber },
      headers: key,
      body: { question: '外地户籍可以申请吗？', answer: '可以。', personalDataRemoved: true },
    }),
    sdk.listPublishedAnswers({ path: { code } }),
    sdk.listMyConsultations({ query: { limit: 10 } }),
    sdk.getConsultationAttachment({ path: { consultationNumber } }),
  ]);
}
