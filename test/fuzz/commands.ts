// The commands every input kind is run through, with the flags that choose outputs pointed into
// the case's out/ directory (the only place besides the root where a command may write).
import fc from 'fast-check';

export type CommandName = 'audit' | 'plan' | 'apply' | 'script' | 'patch';

/** argv after the global options: one of the commands that read facts and a profile. */
export function commandArgs(opts: { profile?: string; compose?: string[] } = {}): fc.Arbitrary<string[]> {
  const profile = opts.profile ? fc.constant(opts.profile) : fc.constantFrom('baseline', 'strict');
  const compose = (opts.compose ?? []).flatMap((f) => ['--compose', f]);
  return fc.tuple(fc.constantFrom<CommandName>('audit', 'plan', 'apply', 'script', 'patch'), profile, fc.nat(3)).map(([cmd, p, variant]) => {
    switch (cmd) {
      case 'audit':
        return ['audit', '-p', p, '--format', ['table', 'json', 'sarif', 'junit'][variant]!, ...(variant === 3 ? ['--output', '{CASE}/out/report.xml'] : [])];
      case 'plan':
        return ['plan', '-p', p, ...(variant % 2 ? ['--format', 'json'] : []), ...(variant === 2 ? ['--check'] : []), ...compose];
      case 'apply':
        return ['apply', '-p', p, '--yes', ...(variant % 2 ? ['--no-restart'] : []), ...compose];
      case 'script':
        return ['script', '-p', p, ...(variant % 2 ? ['-o', '{CASE}/out/harden.sh'] : []), ...compose];
      case 'patch':
        return ['patch', '-p', p, ...(variant % 2 ? ['-o', '{CASE}/out/harden.patch'] : []), ...compose];
    }
  });
}

/**
 * Whether a command's standard output is a view for people (tables, plan text, lists), which must
 * show control characters escaped; scripts, patches, diffs and JSON stay byte-exact.
 */
export function isTextView(argv: readonly string[]): boolean {
  const value = (flag: string) => {
    const i = argv.lastIndexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const command = ['audit', 'plan', 'apply', 'rollback', 'inspect', 'profiles', 'script', 'patch', 'dockerfile', 'ansible'].find((c) => argv.includes(c));
  switch (command) {
    case 'audit':
      return (value('--format') ?? 'table') === 'table' && !argv.includes('--output') && !argv.includes('-o');
    case 'plan':
      return value('--format') !== 'json';
    case 'apply':
    case 'rollback':
      return true;
    case 'inspect':
    case 'profiles':
      return !argv.includes('--json');
    case 'dockerfile':
      return value('--format') !== 'json' && !argv.includes('--diff') && !argv.includes('--fix');
    default:
      return false;
  }
}
