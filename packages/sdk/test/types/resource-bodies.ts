// Compile-time checks of the resource methods' bodies: run by `tsc --noEmit -p packages/sdk`. Each
// `@ts-expect-error` fails the type check if the line below it ever compiles.
import { createClient, type CaseCreate, type EvaluationCreate } from '../../src/index.js';

const client = createClient({ baseUrl: '/api/v1' });

const application: CaseCreate = {
  itemCode: '11150302MB154687214000105012000',
  formVersion: '1.0.0',
  applicant: {
    kind: 'person',
    name: '张丽',
    idType: 'residentIdCard',
    idNumber: '150302199001011234',
    mobile: '13947312345',
  },
  situationAnswers: { household: 'single' },
  formData: { name: '张丽' },
  materials: [
    { materialId: 'income-proof', provision: 'upload', uploadIds: ['up_01JDB3K7Q2X8V5N4M6R9T0W1YZ'] },
  ],
  commitmentAccepted: true,
  delivery: { method: 'window' },
};

const rating: EvaluationCreate = {
  target: { kind: 'case', caseNumber: '15030220261123000017' },
  level: 'verySatisfied',
  channel: 'mobile',
  anonymous: true,
};

export async function resourceBodies(): Promise<void> {
  const created = await client.cases.create(application, { idempotencyKey: 'form-session-1' });
  const caseNumber: string = created.caseNumber;
  void caseNumber;

  // @ts-expect-error the case number is the server's to assign
  await client.cases.create({ ...application, caseNumber: '15030220261123000017' });
  // @ts-expect-error so is the query code
  await client.cases.create({ ...application, queryCode: '7K3P9QWD' });
  const { itemCode: _dropped, ...withoutItem } = application;
  // @ts-expect-error the item code is required
  await client.cases.create(withoutItem);
  // @ts-expect-error applicants are a person or an organisation
  await client.cases.create({ ...application, applicant: { kind: 'robot', name: 'x' } });

  await client.evaluations.create(rating, { queryCode: '7K3P9QWD' });
  // @ts-expect-error levels are the five named levels, not numbers (standards disagree on their order)
  await client.evaluations.create({ ...rating, level: 1 });
  // @ts-expect-error an evaluation's id is assigned by the server
  await client.evaluations.create({ ...rating, id: 'ev_01JDB4C2H7P3N8Q5R6S9T0V1WX' });
  // @ts-expect-error the channel is required
  await client.evaluations.create({ target: rating.target, level: 'satisfied', anonymous: true });

  // @ts-expect-error a transition names one of the document's actions
  await client.cases.transition('15030220261123000017', { action: 'approveEverything' });
  // @ts-expect-error uploads take a Blob or File, not a path
  await client.uploads.create({ file: '/tmp/scan.pdf' });
  // @ts-expect-error list filters are the document's
  client.items.list({ colour: 'red' });
  // @ts-expect-error the query code is a call option, never a query parameter
  await client.cases.get('15030220261123000017', { query: { queryCode: '7K3P9QWD' } });
}
