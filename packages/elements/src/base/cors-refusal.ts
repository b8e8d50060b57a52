/**
 * What only a failed cross-origin request needs, fetched then (a chunk of its own on the CDN): the `no-cors`
 * probe that tells a CORS refusal from a network outage, the console hint for developers, and the words for
 * the person at the page.
 */

/** Shipped strings of the refusal; sites override them with `overrideMessages` like any widget's. */
export const refusalMessages = {
  'zh-CN': {
    'banshi.failed.cors':
      '本网站（{origin}）未获准调用办事服务接口（跨域请求被拒绝）。请网站管理员在服务端的 BANSHI_ALLOWED_ORIGINS 中加入 {origin}。',
  },
  en: {
    'banshi.failed.cors':
      'The service’s API refuses requests from this site ({origin}): its administrator should add {origin} to BANSHI_ALLOWED_ORIGINS on the server.',
  },
} as const;

/** One probe per API origin and page: the answer does not change while the page is open. */
const probes = new Map<string, Promise<boolean>>();

/** Whether the API at `url` answers a `no-cors` request, i.e. is up and refused this page's origin. */
export function answers(url: URL): Promise<boolean> {
  let probe = probes.get(url.origin);
  if (!probe) {
    probe = fetch(url.href, { mode: 'no-cors', credentials: 'omit', cache: 'no-store' }).then(
      () => {
        console.warn(
          `[banshi] The API at ${url.origin} refused requests from this page (${location.origin}): its CORS ` +
            `policy does not allow this origin. Add ${location.origin} to BANSHI_ALLOWED_ORIGINS on the ` +
            `server (a comma-separated list); in development, npm start allows any origin.`,
        );
        return true;
      },
      () => false,
    );
    probes.set(url.origin, probe);
  }
  return probe;
}
