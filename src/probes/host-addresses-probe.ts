// Probe 'hostAddresses': the IP addresses this host owns, so a profile's bindHostIp (CIS 5.14)
// can be held against them: publishing a port on an address the host lacks stops the container
// from starting. Read from the kernel's own tables, which need no tool: the local routes of
// /proc/net/fib_trie (IPv4) and /proc/net/if_inet6 (IPv6).
import { readHostText } from './host-fs.js';
import { hostReader, type HostAccess } from './host-reader.js';
import { probed, type Probed } from './probe.js';
import { canonicalIp } from '../core/ip-address.js';

export async function probeHostAddresses(host: HostAccess): Promise<Probed<string[] | null>> {
  const reader = hostReader(host);
  const root = reader.root;
  // For --root, saved copies under ROOT/proc/net stand in for the live tables.
  const read = (p: string): Promise<string | null> => (root === '/' ? reader.readProc(p).catch(() => null) : readHostText(reader, p).then((r) => r.content));
  const [fibTrie, ifInet6] = await Promise.all([read('/proc/net/fib_trie'), read('/proc/net/if_inet6')]);
  if (fibTrie === null && ifInet6 === null) {
    return probed(
      null,
      'missing',
      root === '/' ? '/proc/net/fib_trie and /proc/net/if_inet6 could not be read' : 'no proc/net/fib_trie or proc/net/if_inet6 under --root',
    );
  }
  const addresses = [...new Set([...parseFibTrie(fibTrie ?? ''), ...parseIfInet6(ifInet6 ?? '')])];
  const shown = addresses.slice(0, 6).join(', ') + (addresses.length > 6 ? `, and ${addresses.length - 6} more` : '');
  return probed(addresses, 'ok', addresses.length ? shown : 'no addresses');
}

/** The addresses of /proc/net/fib_trie that carry a "/32 host LOCAL" route: the host's own IPv4 addresses. */
export function parseFibTrie(text: string): string[] {
  const found: string[] = [];
  let leaf: string | null = null;
  for (const line of text.split('\n')) {
    const address = /^\s*\|-- (\d{1,3}(?:\.\d{1,3}){3})\s*$/.exec(line);
    if (address) leaf = address[1];
    else if (leaf && /^\s*\/32 host LOCAL\s*$/.test(line) && !found.includes(leaf)) found.push(leaf);
  }
  return found;
}

/** "fd000000000000000000000000000002 04 40 00 82 eth0" -> "fd00::2". */
export function parseIfInet6(text: string): string[] {
  const found: string[] = [];
  for (const line of text.split('\n')) {
    const hex = /^([0-9a-f]{32})\s/i.exec(line)?.[1];
    if (!hex) continue;
    const address = canonicalIp(hex.match(/.{4}/g)!.join(':'));
    if (address && !found.includes(address)) found.push(address);
  }
  return found;
}
