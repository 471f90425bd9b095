// The host's own addresses, from the kernel's tables: the live ones here, and saved copies under --root.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseFibTrie, parseIfInet6, probeHostAddresses } from '../../src/probes/host-addresses-probe.js';
import { canonicalIp } from '../../src/core/ip-address.js';

const FIB_TRIE = `Main:
  +-- 0.0.0.0/0 3 0 4
     |-- 0.0.0.0
        /0 universe UNICAST
     +-- 127.0.0.0/8 2 0 2
        +-- 127.0.0.0/31 1 0 0
           |-- 127.0.0.0
              /8 host LOCAL
           |-- 127.0.0.1
              /32 host LOCAL
        |-- 127.255.255.255
           /32 link BROADCAST
     +-- 192.0.2.0/24 2 0 2
           |-- 192.0.2.0
              /24 link UNICAST
           |-- 192.0.2.2
              /32 host LOCAL
Local:
           |-- 127.0.0.1
              /32 host LOCAL
`;
const IF_INET6 = `00000000000000000000000000000001 01 80 10 80       lo
fd000000000000000000000000000002 04 40 00 82     eth0
`;

describe('host addresses', () => {
  it('reads the local IPv4 routes of fib_trie, not networks or broadcasts', () => {
    expect(parseFibTrie(FIB_TRIE)).toEqual(['127.0.0.1', '192.0.2.2']);
  });

  it('reads if_inet6 into compressed IPv6', () => {
    expect(parseIfInet6(IF_INET6)).toEqual(['::1', 'fd00::2']);
  });

  it('one spelling per address', () => {
    expect(canonicalIp('[FD00:0:0::2]')).toBe('fd00::2');
    expect(canonicalIp('010.0.0.5')).toBe('10.0.0.5');
    expect(canonicalIp('300.1.1.1')).toBeNull();
    expect(canonicalIp('web')).toBeNull();
  });

  it('on this host: the same addresses as `ip -j addr`', async () => {
    const ip = JSON.parse(execFileSync('ip', ['-j', 'addr'], { encoding: 'utf8' })) as { addr_info: { local: string }[] }[];
    const expected = ip.flatMap((i) => i.addr_info.map((a) => canonicalIp(a.local)!)).sort();
    const probed = await probeHostAddresses('/');
    expect(probed.status.status).toBe('ok');
    expect([...probed.value!].sort()).toEqual(expected);
  });

  it('under --root: saved copies of the tables, or missing', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'dh-addr-'));
    expect((await probeHostAddresses(root)).status.status).toBe('missing');
    mkdirSync(path.join(root, 'proc/net'), { recursive: true });
    writeFileSync(path.join(root, 'proc/net/fib_trie'), FIB_TRIE);
    writeFileSync(path.join(root, 'proc/net/if_inet6'), IF_INET6);
    expect((await probeHostAddresses(root)).value).toEqual(['127.0.0.1', '192.0.2.2', '::1', 'fd00::2']);
  });
});
