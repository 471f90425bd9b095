// IP addresses compared as addresses, not as text: "FD00:0::2", "[fd00::2]" and "fd00::2" are one.

/** One spelling per address ("FD00:0:0::2" and "fd00::2" are the same); null for what is not an address. */
export function canonicalIp(value: string): string | null {
  const bare = value.trim().replace(/^\[(.*)\]$/, '$1');
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(bare)) return bare.split('.').every((n) => Number(n) <= 255) ? bare.split('.').map(Number).join('.') : null;
  if (!bare.includes(':')) return null;
  try {
    return new URL(`http://[${bare}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
}
