import type { FetchFunction, UploadProgress } from './transport.js';

/** Statuses whose responses cannot carry a body (the Response constructor refuses one). */
const NULL_BODY_STATUSES = [101, 204, 205, 304];

/**
 * A `fetch` over XMLHttpRequest, used in browsers for uploads that report progress. Fetch cannot report
 * upload progress there (its request streams need HTTP/2 in Chromium and are missing from older
 * browsers); XMLHttpRequest reports it everywhere, on any HTTP version.
 * `formData` is the upload's own body: XMLHttpRequest sends it as it is, because Safari (WebKit) cannot read
 * back a Request whose FormData holds a File ("Unable to read form data blob").
 */
export function xhrFetch(onProgress: (progress: UploadProgress) => void, formData?: FormData): FetchFunction {
  return async (input, init) => {
    const request = new Request(input, init);
    const bodyless = request.method === 'GET' || request.method === 'HEAD';
    // Otherwise the multipart bytes, boundary included; the request's Content-Type names the same boundary.
    const body = bodyless ? null : (formData ?? (await request.blob()));
    return new Promise<Response>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      const { signal } = request;
      const onAbort = () => xhr.abort();
      xhr.open(request.method, request.url);
      xhr.responseType = 'blob';
      request.headers.forEach((value, name) => {
        // With FormData, XMLHttpRequest writes the Content-Type with its own boundary.
        if (!(formData && name === 'content-type')) xhr.setRequestHeader(name, value);
      });
      xhr.upload.onprogress = (event) =>
        onProgress({
          percent: event.lengthComputable && event.total > 0 ? event.loaded / event.total : 0,
          transferredBytes: event.loaded,
          totalBytes: event.lengthComputable ? event.total : 0,
        });
      xhr.onload = () => {
        signal.removeEventListener('abort', onAbort);
        const headers = new Headers();
        for (const line of xhr.getAllResponseHeaders().trim().split(/\r?\n/)) {
          const colon = line.indexOf(':');
          if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
        }
        const status = xhr.status;
        resolve(
          new Response(NULL_BODY_STATUSES.includes(status) ? null : (xhr.response as Blob), {
            status,
            headers,
          }),
        );
      };
      xhr.onerror = () => reject(new TypeError('Network request failed'));
      xhr.onabort = () => reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      xhr.send(body);
    });
  };
}
