// One fuzz case: the files it lays out in its own directory, the command it runs, and where that
// command may write. Paths are relative to the case directory; argv and symlink targets may name
// {CASE} (the case directory), {ROOT} (its --root tree) and {DECOY} (files outside every root).
export type InputKind =
  | 'daemon-json'
  | 'facts'
  | 'compose'
  | 'profile'
  | 'dockerfile'
  | 'root-tree'
  | 'manifest'
  | 'cli-args'
  | 'profile-params'
  | 'report-names'
  | 'inventory'
  | 'scan-report';

export const INPUT_KINDS: readonly InputKind[] = [
  'daemon-json',
  'facts',
  'compose',
  'profile',
  'dockerfile',
  'root-tree',
  'manifest',
  'cli-args',
  'profile-params',
  'report-names',
  'inventory',
  'scan-report',
];

export type Entry =
  | { path: string; type: 'file'; content: string; mode?: number }
  | { path: string; type: 'dir'; mode?: number }
  | { path: string; type: 'symlink'; target: string }
  | { path: string; type: 'fifo' };

export interface FuzzCase {
  kind: InputKind;
  entries: Entry[];
  argv: string[];
  /** Environment over the runner's own (values may name {CASE}, {ROOT}, {DECOY}); null unsets a variable. */
  env?: Record<string, string | null>;
  /** Standard output is a view for people (table, plan text): it must show control characters escaped. */
  textOut?: boolean;
  /** What a report on standard output must stay, whatever names it quotes (checked on exit 0 or 1). */
  outputCheck?: OutputCheck;
}

export type OutputCheck = 'html' | 'xml' | 'json';

/** What the command may change, relative to the case directory: the root tree, the chosen outputs, its temp dir. */
export const WRITABLE = ['root', 'out', 'tmp'] as const;

export function expand(text: string, dirs: { caseDir: string; decoy: string }): string {
  return text.replaceAll('{CASE}', dirs.caseDir).replaceAll('{ROOT}', `${dirs.caseDir}/root`).replaceAll('{DECOY}', dirs.decoy);
}
