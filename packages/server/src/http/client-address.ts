import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { requestHeader } from './headers.js';

/** `::ffff:10.0.0.1` is the IPv4 address 10.0.0.1 on a dual-stack socket. */
function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

/**
 * The proxies whose `X-Forwarded-For` is believed: addresses (`10.0.0.5`, `::1`) and subnets
 * (`10.0.0.0/8`). Throws on an entry that is neither, so a typo in the configuration is not silent.
 */
export function trustedProxies(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.trim().split('/');
    const family = isIP(address);
    if (!family) throw new Error(`Not an IP address or subnet: ${entry}`);
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else {
      const bits = Number(prefix);
      if (!Number.isInteger(bits) || bits < 0 || bits > (family === 6 ? 128 : 32))
        throw new Error(`Not an IP address or subnet: ${entry}`);
      list.addSubnet(address, bits, type);
    }
  }
  return list;
}

function isTrusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client's address for rate limits and quotas. `X-Forwarded-For` counts only when the connection
 * comes from a trusted proxy; then the rightmost hop that is not itself a trusted proxy is the client
 * (hops further left were written by the client and prove nothing). Without trusted proxies the header
 * is ignored.
 */
export function clientAddress(c: Context, trusted: BlockList | undefined): string {
  let peer: string;
  try {
    peer = plainAddress(getConnInfo(c).remote.address ?? 'unknown');
  } catch {
    return 'local';
  }
  if (!trusted || !isTrusted(trusted, peer)) return peer;
  const hops = (requestHeader(c, 'x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => plainAddress(hop.trim()))
    .filter((hop) => hop !== '');
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!isTrusted(trusted, hops[i]!)) return isIP(hops[i]!) ? hops[i]! : peer;
  }
  return hops[0] ?? peer;
}
