// Compile-time checks of the raw `client.request`: run by `tsc --noEmit -p packages/sdk`. Each
// `@ts-expect-error` fails the type check if the line below it ever compiles.
import { createClient, type CaseCreate, type components } from '../../src/index.js';

const client = createClient({ baseUrl: 'https://zwfw.example.gov.cn/api/v1' });

declare const application: CaseCreate;

export async function rawRequests(): Promise<void> {
  const page = await client.request('get', '/items', { query: { q: '公租房', limit: 20 } });
  const first: components['schemas']['ItemSummary'] | undefined = page.items[0];
  const cursor: string | null = page.nextCursor;
  void [first, cursor];

  await client.request('GET', '/items');
  const item: components['schemas']['Item'] = await client.request('get', '/items/{code}', {
    params: { code: '11150302MB154687214000105012000' },
  });
  void item;

  // @ts-expect-error a path the document does not have
  await client.request('get', '/item', {});
  // @ts-expect-error a method the path does not have
  await client.request('put', '/items', {});
  // @ts-expect-error the path parameter is required
  await client.request('get', '/items/{code}');
  // @ts-expect-error path parameters are named by the document
  await client.request('get', '/items/{code}', { params: { id: 'x' } });
  // @ts-expect-error a query parameter of the wrong type
  await client.request('get', '/items', { query: { limit: 'twenty' } });
  // @ts-expect-error a query parameter the operation does not have
  await client.request('get', '/items', { query: { colour: 'red' } });
  // @ts-expect-error a POST needs its body
  await client.request('post', '/cases', {});
  // @ts-expect-error JSON where the operation takes multipart
  await client.request('post', '/uploads', { body: { file: 'x' } });
  // @ts-expect-error a server field in a create body
  await client.request('post', '/cases', { body: { ...application, caseNumber: '15030220261123000017' } });
  const form = new FormData();
  const upload = await client.request('post', '/uploads', { body: form, idempotencyKey: 'upload-1' });
  const uploadId: string = upload.id;
  const created = await client.request('post', '/cases', { body: application });
  const token: string = created.applicantToken;
  void [uploadId, token];
  // @ts-expect-error an enum value the document does not list
  await client.request('get', '/themes', { query: { audience: 'everyone' } });
}
