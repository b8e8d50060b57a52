/**
 * Masks an ID number for display and logs: the first and last four characters stay, the rest become
 * `*` (`150202201001011234` → `1502**********1234`). Values of eight characters or fewer are masked whole.
 */
export const maskIdNumber = (value: string): string =>
  value.length > 8
    ? value.slice(0, 4) + '*'.repeat(value.length - 8) + value.slice(-4)
    : '*'.repeat(value.length);
