/** Small helpers shared by the widget tests. */

/** The element matching `selector` in `host`'s shadow root; fails the test when it is missing. */
export function inShadow<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const found = host.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`${host.localName}: nothing matches ${selector}`);
  return found;
}

/** Every element matching `selector` in `host`'s shadow root. */
export function allInShadow<T extends Element = HTMLElement>(host: Element, selector: string): T[] {
  return Array.from(host.shadowRoot?.querySelectorAll<T>(selector) ?? []);
}

/** The visible text of `host`'s shadow root, whitespace collapsed. */
export function shadowText(host: Element): string {
  return (host.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The element focused inside `host`'s shadow root, if any. */
export function focusedInShadow(host: Element): Element | null {
  return host.shadowRoot?.activeElement ?? null;
}

/** Links the theme sheet a site links (`banshi-themes.css`, generated) into the test page; resolves once loaded. */
export async function linkThemeSheet(): Promise<HTMLLinkElement> {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('../theme/generated/banshi-themes.css', import.meta.url).href;
  const loaded = new Promise((resolve) => link.addEventListener('load', resolve));
  document.head.append(link);
  await loaded;
  return link;
}

/** An API root nothing listens on: every request fails as if the network were down. */
export const UNREACHABLE_API = 'http://127.0.0.1:9/api/v1';

/** The API of the reference server, proxied on the test page's own origin by web-test-runner.config.mjs. */
export const REAL_API = '/api/v1';

/**
 * `waitUntil` options for what may take seconds while other suites load the machine, beyond waitUntil's
 * default one second: a round trip through the reference server, or input through an engine's driver.
 */
export const SLOW_WAIT = { timeout: 15000 };

/** What the tests need from the reference server, read through its public API. */
export interface ServerFacts {
  /** A service item the server knows. */
  itemCode: string;
}

/** Fails with the reason when the reference server did not start; otherwise returns a known item. */
export async function referenceServer(): Promise<ServerFacts> {
  const { executeServerCommand } = await import('@web/test-runner-commands');
  const status = await executeServerCommand<string, undefined>('banshi-server-status');
  if (status !== 'up') throw new Error(status);
  const response = await fetch(`${REAL_API}/items?limit=1`);
  const page = (await response.json()) as { items: Array<{ code: string }> };
  const item = page.items[0];
  if (!item) throw new Error('The reference server has no items: it should start with the seed catalogue.');
  return { itemCode: item.code };
}

/**
 * A named member of staff's token, signed by the test identity provider the reference server trusts (see
 * web-test-runner.config.mjs): every case-handling role in every department of the seed catalogue.
 */
export async function staffToken(): Promise<string> {
  const { executeServerCommand } = await import('@web/test-runner-commands');
  const token = await executeServerCommand<string, undefined>('banshi-staff-token');
  if (!token) throw new Error('The test identity provider did not start.');
  return token;
}

/** How many ratings the reference server has counted for `itemCode`. */
export async function ratingsCounted(itemCode: string): Promise<number> {
  const response = await fetch(`${REAL_API}/evaluations/summary?item=${encodeURIComponent(itemCode)}`, {
    headers: { 'x-banshi-test': 'observe' },
  });
  if (!response.ok) throw new Error(`summary answered ${response.status}`);
  return ((await response.json()) as { total: number }).total;
}

/** Makes the test server's API proxy fail on purpose (see web-test-runner.config.mjs). */
export async function injectApiFault(fault: 'none' | 'down' | 'lose-response'): Promise<void> {
  const { executeServerCommand } = await import('@web/test-runner-commands');
  await executeServerCommand('banshi-api-fault', { fault });
}

/** A case the reference server accepted, with what its applicant needs to rate it. */
export interface CreatedCase {
  caseNumber: string;
  queryCode: string;
}

/**
 * Applies for 高龄津贴领取资格认证 (a seeded item whose form needs no upload) as the senior herself, so a
 * test has a real case to rate online.
 */
export async function createCase(): Promise<CreatedCase> {
  const search = await fetch(`${REAL_API}/items?q=${encodeURIComponent('高龄津贴领取资格认证')}`);
  const item = ((await search.json()) as { items: Array<{ code: string; name: string }> }).items.find((i) =>
    i.name.includes('高龄津贴'),
  );
  if (!item) throw new Error('The seed item 高龄津贴领取资格认证 is missing.');
  const idNumber = '150302194503120021';
  const response = await fetch(`${REAL_API}/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({
      itemCode: item.code,
      formVersion: '1.0.0',
      applicant: {
        kind: 'person',
        name: '王秀兰',
        idType: 'residentIdCard',
        idNumber,
        mobile: '13947312345',
      },
      situationAnswers: { 'applicant-role': 'self' },
      formData: {
        senior: {
          name: '王秀兰',
          idNumber,
          community: 'hexie',
          address: {
            regionCode: '150302',
            regionNames: ['内蒙古自治区', '乌海市', '海勃湾区'],
            street: '新华街道和谐社区 5 号楼',
          },
        },
        living: { status: 'home' },
      },
      materials: [{ materialId: 'id-card', provision: 'eLicence' }],
      commitmentAccepted: true,
      delivery: { method: 'window' },
    }),
  });
  if (response.status !== 201)
    throw new Error(`creating a case answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as CreatedCase;
}

/**
 * A case taken through 受理 and 准予 to 办结 by a member of staff, as a case must be before its applicant
 * rates it (评价时效).
 */
export async function createConcludedCase(): Promise<CreatedCase> {
  const created = await createCase();
  const authorization = `Bearer ${await staffToken()}`;
  for (const action of ['accept', 'approve', 'conclude']) {
    const response = await fetch(`${REAL_API}/cases/${created.caseNumber}/transitions`, {
      method: 'POST',
      headers: {
        authorization,
        'content-type': 'application/json',
        'idempotency-key': crypto.randomUUID(),
      },
      body: JSON.stringify({ action }),
    });
    if (response.status !== 200)
      throw new Error(`${action} answered ${response.status}: ${await response.text()}`);
  }
  return created;
}
