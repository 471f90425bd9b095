// Reading dockerd's command line the way dockerd does: `--opt=value`, `--opt value`, bare booleans,
// repeatable options, short aliases. The result is keyed by daemon.json key so flags and file compare.

/** Flags that take no value (a bare `--live-restore` means true). */
const BOOLEAN_FLAGS = new Set([
  'debug',
  'experimental',
  'icc',
  'init',
  'ip-forward',
  'ip-masq',
  'ip6tables',
  'iptables',
  'ipv6',
  'live-restore',
  'no-new-privileges',
  'raw-logs',
  'rootless',
  'selinux-enabled',
  'tls',
  'tlsverify',
  'userland-proxy',
  'validate',
  'cri-containerd',
  'ip-forward-no-drop',
  'allow-direct-routing',
]);

/** Repeatable flags and the plural daemon.json key they map to. */
const REPEATABLE_FLAGS: Record<string, string> = {
  host: 'hosts',
  label: 'labels',
  'insecure-registry': 'insecure-registries',
  'registry-mirror': 'registry-mirrors',
  'storage-opt': 'storage-opts',
  'authorization-plugin': 'authorization-plugins',
  'exec-opt': 'exec-opts',
  'log-opt': 'log-opts',
  'default-ulimit': 'default-ulimits',
  dns: 'dns',
  'dns-opt': 'dns-opts',
  'dns-search': 'dns-search',
  'add-runtime': 'runtimes',
  'default-address-pool': 'default-address-pools',
  'cdi-spec-dir': 'cdi-spec-dirs',
  'node-generic-resource': 'node-generic-resources',
  'host-gateway-ip': 'host-gateway-ips',
};

const SHORT_FLAGS: Record<string, string> = {
  H: 'host',
  D: 'debug',
  l: 'log-level',
  G: 'group',
  s: 'storage-driver',
  g: 'graph',
  p: 'pidfile',
  b: 'bridge',
};

export interface ParsedFlag {
  /** daemon.json key this flag sets (plural for repeatable flags). */
  key: string;
  /** The flag as written, for evidence ("--log-level=debug"). */
  raw: string[];
  value: string | boolean | string[];
}

/** Parse dockerd arguments (without the executable) into options keyed by daemon.json key. */
export function parseDockerdArgs(args: readonly string[]): Map<string, ParsedFlag> {
  const out = new Map<string, ParsedFlag>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq === -1 ? undefined : arg.slice(eq + 1);
    } else if (/^-[A-Za-z]/.test(arg)) {
      const letter = arg[1];
      name = Object.hasOwn(SHORT_FLAGS, letter) ? SHORT_FLAGS[letter] : letter;
      const rest = arg.slice(2).replace(/^=/, '');
      inline = rest === '' ? undefined : rest;
    } else {
      continue; // a stray positional: dockerd takes none
    }
    const raw = [arg];
    let value: string | boolean;
    if (BOOLEAN_FLAGS.has(name)) {
      value = inline === undefined ? true : inline !== 'false' && inline !== '0';
    } else if (inline !== undefined) {
      value = inline;
    } else {
      const next = args[i + 1];
      if (next === undefined) continue;
      raw.push(next);
      value = next;
      i++;
    }
    // Flag names come from the host's command line: "--constructor" must not find Object's members.
    const pluralKey = Object.hasOwn(REPEATABLE_FLAGS, name) ? REPEATABLE_FLAGS[name] : undefined;
    if (pluralKey) {
      const prev = out.get(pluralKey);
      const list = prev && Array.isArray(prev.value) ? prev.value : [];
      out.set(pluralKey, {
        key: pluralKey,
        raw: [...(prev?.raw ?? []), ...raw],
        value: [...list, String(value)],
      });
    } else {
      out.set(name, { key: name, raw, value });
    }
  }
  return out;
}

/** Split a systemd ExecStart= value into words, honouring quotes (enough for dockerd lines). */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (const m of line.matchAll(re)) words.push(m[1] ?? m[2] ?? m[3]);
  return words;
}
