import { isIP } from 'node:net';

/** The development staff credential used when none is configured. */
export const developmentStaffCredential = 'st_development_only_change_me';

/** Whether `host` only accepts connections from this machine. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1' || /^::ffff:127\./i.test(host);
}

/**
 * Refuses to serve with the development staff credential on anything but loopback: that credential is
 * printed in the README and at start, so on a public address anyone could act as staff.
 */
export function assertCredentialFitsHost(host: string, staffCredential: string | undefined): void {
  if (isLoopback(host)) return;
  if (staffCredential === developmentStaffCredential)
    throw new Error(
      `Refusing to listen on ${host} with the development staff credential: set BANSHI_STAFF_CREDENTIAL ` +
        '(or --staff-credential) to a secret of your own, or listen on 127.0.0.1.',
    );
}
