/**
 * The SSRF guard: connections to loopback, private, link-local, CGNAT, metadata and other
 * special-purpose ranges are refused at connect time — for every redirect hop, for literal IPs and
 * resolved names alike — unless the feed's `allowPrivateHosts` names the host or its range.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { IngestError } from '../model/errors.js';

const BLOCKED_V4: ReadonlyArray<[string, number]> = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];
const BLOCKED_V6: ReadonlyArray<[string, number]> = [
  ['::', 128],
  ['::1', 128],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
];

// Two lists: Node's BlockList matches an IPv4 address against IPv6 subnets such as ::ffff:0:0/96,
// which would block every public IPv4 host. IPv6 forms that carry an IPv4 address are unwrapped
// and judged by the IPv4 list instead.
const blockedV4 = new BlockList();
for (const [net, prefix] of BLOCKED_V4) blockedV4.addSubnet(net, prefix, 'ipv4');
const blockedV6 = new BlockList();
for (const [net, prefix] of BLOCKED_V6) blockedV6.addSubnet(net, prefix, 'ipv6');
const CARRIES_V4 = new BlockList();
CARRIES_V4.addSubnet('::ffff:0:0', 96, 'ipv6');
CARRIES_V4.addSubnet('64:ff9b::', 96, 'ipv6');

export type Resolver = (
  hostname: string,
  options: { all: true },
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

export class AddressPolicy {
  private readonly allowedNames = new Set<string>();
  private readonly allowed = new BlockList();

  /** `resolve` is dns.lookup; tests pass a stub that answers with private addresses. */
  constructor(
    allowPrivateHosts: readonly string[],
    private readonly resolve: Resolver = dnsLookup,
  ) {
    for (const entry of allowPrivateHosts) {
      const [net, prefix] = entry.split('/');
      const family = net ? isIP(net) : 0;
      if (net && family)
        this.allowed.addSubnet(
          net,
          Number(prefix ?? (family === 4 ? 32 : 128)),
          family === 4 ? 'ipv4' : 'ipv6',
        );
      else this.allowedNames.add(entry.toLowerCase());
    }
  }

  /** Throws SSRF_BLOCKED when `address` (an IP) may not be reached for `host`. */
  check(host: string, address: string): void {
    const family = isIP(address);
    if (family === 0) return;
    const type = family === 4 ? 'ipv4' : 'ipv6';
    // IPv4-mapped (::ffff:10.0.0.1) and NAT64 (64:ff9b::a00:1) addresses are judged by the IPv4 they carry.
    if (type === 'ipv6' && CARRIES_V4.check(address, 'ipv6')) {
      this.check(host, embeddedIpv4(address));
      return;
    }
    if (!(type === 'ipv4' ? blockedV4 : blockedV6).check(address, type)) return;
    if (this.allowedNames.has(host.toLowerCase()) || this.allowed.check(address, type)) return;
    throw new IngestError(
      'SSRF_BLOCKED',
      `refusing to connect to ${host} (${address}): private or reserved address`,
    );
  }

  /** A `dns.lookup` replacement that refuses names resolving to blocked addresses. */
  readonly lookup = (
    hostname: string,
    options: object,
    callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    this.resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      try {
        for (const { address } of addresses) this.check(hostname, address);
      } catch (error) {
        return callback(error as Error, []);
      }
      if ((options as { all?: boolean }).all) return callback(null, addresses);
      const first = addresses[0];
      callback(null, first?.address ?? '', first?.family);
    });
  };
}

/** The IPv4 address in the last 32 bits of an IPv6 address, whichever way it is written. */
function embeddedIpv4(address: string): string {
  const dotted = address.match(/(\d+\.\d+\.\d+\.\d+)$/)?.[1];
  if (dotted) return dotted;
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  const last = (parseInt(groups[6] ?? '0', 16) << 16) | parseInt(groups[7] ?? '0', 16);
  return [24, 16, 8, 0].map((shift) => (last >>> shift) & 255).join('.');
}
