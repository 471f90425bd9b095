// auditctl rule lines read into one normalized shape, so that rules written in different forms
// compare equal: `-w P -k K` ≡ `-w P -p rwxa -k K`, `-a exit,always` ≡ `-a always,exit`, `-p war` ≡
// `-F perm=rwa`, `-k K` ≡ `-F key=K`. Paths are compared whole, never as substrings.

export type AuditRuleKind = 'watch' | 'syscall' | 'control';

export interface AuditRule {
  kind: AuditRuleKind;
  /** The line as written (comments and surrounding space removed). */
  raw: string;
  /** Syscall rules: list and action, whichever order they were written in. */
  list?: string;
  action?: string;
  /** Watches (-w) and syscall rules with -F path= / -F dir=. */
  path?: string;
  /** -w and -F dir= watch a directory's whole tree; -F path= only the one inode. */
  target?: 'watch' | 'path' | 'dir';
  /** Permission filter in rwxa order; '' when the rule has none (a syscall rule then sees every syscall). */
  perms: string;
  keys: string[];
  /** Syscalls named with -S ("all" dropped: it is the default). */
  syscalls: string[];
  /** Other -F fields (arch=b64, auid>=1000, ...) as written. */
  filters: string[];
}

const ALL_PERMS = 'rwxa';
const LISTS = new Set(['task', 'exit', 'user', 'exclude', 'filesystem', 'io_uring', 'entry']);

/** Permission letters in rwxa order, deduplicated. */
export function normalizePerms(perms: string): string {
  return [...ALL_PERMS].filter((p) => perms.includes(p)).join('');
}

/** Collapse repeated and trailing slashes; /var/run is /run (a symlink on every current distro). */
export function normalizeAuditPath(p: string): string {
  let out = p.replace(/\/+/g, '/');
  if (out.length > 1) out = out.replace(/\/$/, '');
  if (out === '/var/run' || out.startsWith('/var/run/')) out = out.slice('/var'.length);
  return out;
}

function tokenize(line: string): string[] {
  const words: string[] = [];
  for (const m of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) words.push(m[1] ?? m[2] ?? m[3]);
  return words;
}

/** One rule line (from a rules file or `auditctl -l`), or null for blanks, comments and unknown text. */
export function parseAuditRule(line: string): AuditRule | null {
  const text = line.replace(/(^|\s)#.*$/, '').trim();
  if (text === '' || !text.startsWith('-')) return null;
  const words = tokenize(text);
  const rule: AuditRule = { kind: 'control', raw: text, perms: '', keys: [], syscalls: [], filters: [] };
  for (let i = 0; i < words.length; i++) {
    const opt = words[i];
    const takesValue = ['-w', '-W', '-p', '-k', '-a', '-A', '-d', '-S', '-F', '-C'].includes(opt);
    const value = takesValue ? words[++i] : undefined;
    if (takesValue && value === undefined) return null;
    switch (opt) {
      case '-w':
        rule.kind = 'watch';
        rule.target = 'watch';
        rule.path = normalizeAuditPath(value!);
        break;
      case '-p':
        rule.perms = normalizePerms(value!);
        break;
      case '-k':
        rule.keys.push(value!);
        break;
      case '-a':
      case '-A': {
        rule.kind = 'syscall';
        const [first, second] = value!.split(',');
        [rule.list, rule.action] = LISTS.has(first) ? [first, second] : [second, first];
        break;
      }
      case '-S':
        for (const s of value!.split(',')) if (s !== 'all') rule.syscalls.push(s);
        break;
      case '-F':
        addField(rule, value!);
        break;
      case '-C':
        rule.filters.push(value!);
        break;
      default:
        // -D, -b, -e, -f, -r, -i, -c, --backlog_wait_time, ...: configuration, not a rule.
        if (takesValue) return null; // -W/-d: deletions, not rules
        break;
    }
  }
  // A watch's default is every permission (libaudit audit_add_watch_dir).
  if (rule.kind === 'watch' && rule.perms === '') rule.perms = ALL_PERMS;
  return rule;
}

function addField(rule: AuditRule, field: string): void {
  const m = /^([a-z_0-9]+)=(.*)$/.exec(field);
  if (m && (m[1] === 'path' || m[1] === 'dir')) {
    rule.path = normalizeAuditPath(m[2]);
    rule.target = m[1];
  } else if (m && m[1] === 'perm') {
    rule.perms = normalizePerms(m[2]);
  } else if (m && m[1] === 'key') {
    rule.keys.push(m[2]);
  } else {
    rule.filters.push(field);
  }
}

/** Every rule in a rules file or an `auditctl -l` listing, in order. */
export function parseAuditRules(lines: string | readonly string[]): AuditRule[] {
  const list = typeof lines === 'string' ? lines.split('\n') : lines;
  return list.map(parseAuditRule).filter((r): r is AuditRule => r !== null);
}

/**
 * Whether the rule records changes to exactly this path: a watch or an always,exit path/dir rule
 * on the same path that sees writes and attribute changes and is not narrowed to some syscalls or
 * users (such a rule misses the change CIS wants on record). arch= only picks the syscall table.
 */
export function ruleCoversPath(rule: AuditRule, path: string): boolean {
  return rule.path !== undefined && rule.path === normalizeAuditPath(path) && ruleRecordsChanges(rule);
}

/** The half of ruleCoversPath that does not depend on the path: what the rule records, and for whom. */
export function ruleRecordsChanges(rule: AuditRule): boolean {
  // A syscall rule without perm= matches every syscall on the path: the widest filter there is.
  const perms = rule.kind === 'syscall' && rule.perms === '' ? ALL_PERMS : rule.perms;
  if (!perms.includes('w') || !perms.includes('a')) return false;
  if (rule.kind === 'watch') return true;
  if (rule.list !== 'exit' || rule.action !== 'always') return false;
  return rule.syscalls.length === 0 && rule.filters.every((f) => /^arch=/.test(f));
}

/** `-a never,task`: stops syscall auditing for every task, so no watch ever fires. */
export function isAuditKillSwitch(rule: AuditRule): boolean {
  return rule.kind === 'syscall' && rule.list === 'task' && rule.action === 'never';
}

/**
 * A canonical text for comparing rules: `auditctl -l` shows an exit rule made only of path/dir,
 * perm and key as a watch, so both spellings give the same text.
 */
export function canonicalAuditRule(rule: AuditRule): string {
  const keys = rule.keys.map((k) => ` -k ${k}`).join('');
  const plainExit = rule.kind === 'syscall' && rule.list === 'exit' && rule.action === 'always' && rule.syscalls.length === 0 && rule.filters.length === 0;
  if (rule.path !== undefined && (rule.kind === 'watch' || (plainExit && rule.perms !== ''))) {
    return `-w ${rule.path} -p ${rule.perms}${keys}`;
  }
  if (rule.kind === 'syscall') {
    const parts = [`-a ${rule.action},${rule.list}`, ...rule.filters.map((f) => `-F ${f}`), ...rule.syscalls.map((s) => `-S ${s}`)];
    if (rule.path !== undefined) parts.push(`-F ${rule.target}=${rule.path}`);
    if (rule.perms !== '') parts.push(`-F perm=${rule.perms}`);
    return parts.join(' ') + keys;
  }
  return rule.raw;
}

/** Whether two rule lines mean the same rule (for not writing a rule twice). */
export function sameAuditRule(a: string | AuditRule, b: string | AuditRule): boolean {
  const ra = typeof a === 'string' ? parseAuditRule(a) : a;
  const rb = typeof b === 'string' ? parseAuditRule(b) : b;
  if (!ra || !rb) return false;
  return canonicalAuditRule(ra) === canonicalAuditRule(rb);
}
