// Compile-time checks of the error guards' narrowing: run by `tsc --noEmit -p packages/sdk`.
import { isAPIConnectionError, isAPIError, isBadRequestError, isRateLimitError } from '../../src/index.js';

export function handle(error: unknown): string {
  // @ts-expect-error an unknown error has no status until a guard says what it is
  void error.status;
  if (isRateLimitError(error)) {
    const seconds: number | undefined = error.retryAfter;
    return `wait ${seconds ?? '?'} s`;
  }
  if (isBadRequestError(error)) {
    const pointers: string[] = (error.problem?.errors ?? []).map((fieldError) => fieldError.pointer);
    return pointers.join(',');
  }
  if (isAPIError(error)) {
    const status: number = error.status;
    const code: string | undefined = error.problem?.code;
    const requestId: string | undefined = error.requestId;
    // @ts-expect-error an API error has no retryAfter unless it is a RateLimitError
    void error.retryAfter;
    return `${status} ${code} ${requestId}`;
  }
  if (isAPIConnectionError(error)) {
    // @ts-expect-error a connection error never got a status
    void error.status;
    return error.message;
  }
  return 'unknown';
}
