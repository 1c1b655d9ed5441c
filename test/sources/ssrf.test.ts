/** The SSRF guard's address policy, with names resolved by a stubbed lookup (never real DNS). */
import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../../src/model/errors.js';
import { AddressPolicy, type Resolver } from '../../src/sources/ssrf.js';

function verdict(policy: AddressPolicy, host: string, address: string): string {
  try {
    policy.check(host, address);
    return 'allowed';
  } catch (err) {
    return err instanceof IngestError ? err.code : String(err);
  }
}

function stub(addresses: LookupAddress[]): Resolver {
  return (_host, _options, callback) => callback(null, addresses);
}

function lookup(policy: AddressPolicy, host: string): Promise<string> {
  return new Promise((resolve) => {
    policy.lookup(host, {}, (err, address) =>
      resolve(err instanceof IngestError ? err.code : String(address)),
    );
  });
}

describe('AddressPolicy', () => {
  const strict = new AddressPolicy([]);

  it.each([
    ['loopback', '127.0.0.1'],
    ['another loopback address', '127.0.0.2'],
    ['private 10/8', '10.1.2.3'],
    ['private 172.16/12', '172.20.0.5'],
    ['private 192.168/16', '192.168.1.1'],
    ['link-local and cloud metadata', '169.254.169.254'],
    ['carrier-grade NAT', '100.64.0.1'],
    ['this network', '0.0.0.0'],
    ['IPv6 loopback', '::1'],
    ['IPv6 unique local', 'fd00::1'],
    ['IPv6 link-local', 'fe80::1'],
    ['IPv4-mapped private address', '::ffff:10.0.0.1'],
    ['IPv4-mapped loopback', '::ffff:127.0.0.1'],
    ['IPv4-mapped private address in hex', '::ffff:a00:1'],
    ['NAT64 metadata address', '64:ff9b::a9fe:a9fe'],
  ])('refuses %s (%s)', (_what, address) => {
    expect(verdict(strict, 'wire.example', address)).toBe('SSRF_BLOCKED');
  });

  it.each([['8.8.8.8'], ['2001:4860:4860::8888'], ['::ffff:8.8.8.8']])(
    'allows the public address %s',
    (address) => {
      expect(verdict(strict, 'wire.example', address)).toBe('allowed');
    },
  );

  it('lets a feed reach only the private hosts and ranges it lists', () => {
    const policy = new AddressPolicy(['10.1.0.0/16', 'gateway.agency.local', '127.0.0.1']);
    expect(verdict(policy, 'x', '10.1.2.3')).toBe('allowed');
    expect(verdict(policy, 'x', '10.2.0.1')).toBe('SSRF_BLOCKED');
    expect(verdict(policy, 'gateway.agency.local', '192.168.5.5')).toBe('allowed');
    expect(verdict(policy, 'x', '127.0.0.1')).toBe('allowed');
    expect(verdict(policy, 'x', '127.0.0.2')).toBe('SSRF_BLOCKED');
  });

  it('refuses a name that resolves to a private address', async () => {
    const policy = new AddressPolicy([], stub([{ address: '10.0.0.7', family: 4 }]));
    expect(await lookup(policy, 'feeds.agency.example')).toBe('SSRF_BLOCKED');
  });

  it('refuses a name when any of its addresses is private (DNS rebinding through round robin)', async () => {
    const policy = new AddressPolicy(
      [],
      stub([
        { address: '93.184.216.34', family: 4 },
        { address: '169.254.169.254', family: 4 },
      ]),
    );
    expect(await lookup(policy, 'feeds.agency.example')).toBe('SSRF_BLOCKED');
  });

  it('passes a name that resolves to public addresses', async () => {
    const policy = new AddressPolicy([], stub([{ address: '93.184.216.34', family: 4 }]));
    expect(await lookup(policy, 'feeds.agency.example')).toBe('93.184.216.34');
  });
});
