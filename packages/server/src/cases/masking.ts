import { maskIdNumber } from '@banshi/sdk/forms';

/** `13947312345` → `139****2345` (an optional +86 is dropped first). */
export function maskMobile(mobile: string): string {
  const digits = mobile.replace(/^\+86/, '');
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** An identity number as shown: first and last four characters, the rest `*` (from the forms engine). */
export function maskId(idNumber: string): string {
  return maskIdNumber(idNumber);
}
