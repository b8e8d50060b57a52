import { normalizeMobile } from '@banshi/sdk/forms';
import { NotifierUnavailableError, type Notification, type Notifier } from './notifier.js';

/** How the operator's SMS gateway is reached (`BANSHI_SMS_GATEWAY_URL`, `BANSHI_SMS_GATEWAY_TOKEN`). */
export interface SmsGatewayOptions {
  /** The gateway's send endpoint; each message is POSTed to it as JSON. */
  url: string;
  /** Sent as `Authorization: Bearer <token>` when set. */
  token?: string;
  /** The 短信签名 the carrier requires in front of every message, e.g. 【海勃湾区政务服务】. */
  signature?: string;
  /** Abort a send after this many milliseconds. Default 5000. */
  timeoutMs?: number;
  /** The fetch to use (tests). Default the global one. */
  fetch?: typeof fetch;
}

/**
 * An adapter for an HTTP SMS gateway: one POST per message with `{ mobile, text, purpose, signature }`.
 * Provincial platforms and carriers' gateways differ; a small relay in front of one speaks this shape,
 * so the server needs no vendor SDK. Any 2xx is success; anything else, or no answer in time, throws.
 */
export class SmsGatewayNotifier implements Notifier {
  constructor(private readonly options: SmsGatewayOptions) {
    const url = new URL(options.url);
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw new Error(`The SMS gateway URL must be http(s): ${options.url}`);
  }

  async send(notification: Notification): Promise<void> {
    const { url, token, signature, timeoutMs = 5000 } = this.options;
    const doFetch = this.options.fetch ?? fetch;
    let response: Response;
    try {
      response = await doFetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({
          mobile: normalizeMobile(notification.mobile),
          text: notification.text,
          purpose: notification.purpose,
          ...(signature ? { signature } : {}),
        }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new NotifierUnavailableError(`The SMS gateway did not answer: ${(error as Error).message}`);
    }
    await response.body?.cancel();
    if (!response.ok) throw new NotifierUnavailableError(`The SMS gateway answered ${response.status}`);
  }
}
