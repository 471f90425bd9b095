// Each command's options with the values the fuzzer gives them: good ones mostly, the ones each
// option is known to get wrong otherwise. Outputs are only ever named under the case's out/.
import fc from 'fast-check';
import { OUTPUT_PATHS, READ_PATHS, optionValue } from './cli-values.js';
import { BACKUP_ID } from './gen-manifest.js';
import { hostileString } from './mutate.js';

export type Words = fc.Arbitrary<string[]>;

export const none = fc.constant<string[]>([]);
export const flag = (name: string): Words => fc.constantFrom([], [name]);
/** Absent, `--name value` or `--name=value`; sometimes given twice. */
export function opt(name: string, value: fc.Arbitrary<string>): Words {
  const once = fc.oneof(
    value.map((v) => [name, v]),
    value.map((v) => [`${name}=${v}`]),
  );
  return fc.oneof({ weight: 3, arbitrary: none }, { weight: 4, arbitrary: once }, { weight: 1, arbitrary: fc.tuple(once, once).map(([a, b]) => [...a, ...b]) });
}

export const read = (good: string[], bad: string[] = []) => optionValue(good, [...bad, ...READ_PATHS]);
/** Outputs stay under out/ (a write anywhere else is a finding); random names are taken as names in it. */
const outputIn = (good: string[], bad: string[]) =>
  fc.oneof(
    { weight: 8, arbitrary: optionValue(good, bad).filter((p) => p === '' || (/^(\{CASE\}\/)?out(\/|$)/.test(p) && !p.includes('..'))) },
    { weight: 1, arbitrary: hostileString.filter((s) => !s.includes('..')).map((s) => `{CASE}/out/${s}`) },
  );
const output = outputIn(OUTPUT_PATHS.good, OUTPUT_PATHS.bad);
const profile = read(['baseline', 'strict', '{CASE}/in/profile.yaml'], ['BASELINE', 'baseline\n', 'strict.yaml', '../profiles/strict.yaml', 'extends']);
const compose = read(['{CASE}/root/srv/app/compose.yml', '{CASE}/root/srv/app'], ['{CASE}/root/srv/app/compose.yml,{CASE}/in/empty']);
const ids = optionValue(['1.1', '2', '5.10', '2.15,2.16', '1.7.0:2.14', '4'], [',', ',,,', '9.9.9', '1.1.1.1.1', '-1', '5.', '.5', '*', '1.1,\n2', 'v1.8.0:']);

export const COMMANDS: Record<string, Words[]> = {
  inspect: [opt('--save', output), flag('--json'), flag('--deep')],
  profiles: [flag('--json')],
  'profiles show': [profile.map((p) => [p]), flag('--json')],
  audit: [
    opt('--format', optionValue(['table', 'json', 'sarif', 'junit', 'html'], ['TABLE', 'html ', 'xml', 'text'])),
    opt('--fail-on', optionValue(['high', 'none', 'info', 'critical'], ['HIGH', ' none ', 'x', '-1', 'medium,high'])),
    opt('--output', output),
    opt('--include', ids),
    opt('--exclude', ids),
    opt('--level', optionValue(['1', '2'], ['0', '3', '-1', '1.5', 'NaN', '1e999', '0x1', ' 1', 'Infinity', '01'])),
    opt('-p', profile),
    opt('--only', optionValue(['fail', 'fail,warn', 'pass,waived,manual,not-applicable'], ['FAIL', 'x', ',', 'fail,,warn'])),
    flag('--verbose'),
  ],
  plan: [
    opt('-p', profile),
    opt('--format', optionValue(['text', 'json'], ['JSON', 'yaml'])),
    flag('--check'),
    opt('--compose', compose),
    opt('--recreate', optionValue(['web', 'web,db'], ['=x', ',,', '/x', '-rf', 'a b'])),
    flag('--recreate'),
  ],
  apply: [opt('-p', profile), flag('--yes'), flag('--no-restart'), opt('--compose', compose), flag('--recreate')],
  rollback: [
    optionValue([BACKUP_ID], ['../..', '..', '.', `${BACKUP_ID}/../${BACKUP_ID}`, '{DECOY}/dir', 'latest']).map((id) => [id]),
    flag('--list'),
    flag('--no-restart'),
    opt(
      '--backup-dir',
      optionValue(['{ROOT}/var/backups/docker-harden'], ['var/backups/docker-harden', '{CASE}/in/bk', '../../in/bk', '/', '{DECOY}/dir', '{ROOT}/..']),
    ),
  ],
  script: [opt('-p', profile), opt('-o', output), opt('--compose', compose)],
  patch: [opt('-p', profile), opt('-o', output), opt('--compose', compose)],
  dockerfile: [
    // Only paths that hold no Dockerfile to fix besides the root's: --fix writes where it is told.
    fc
      .constantFrom(
        '{CASE}/root/app/Dockerfile',
        '{CASE}/root/app',
        '{ROOT}',
        '{CASE}/root/app/Dockerfile\n',
        '{CASE}/in/fifo',
        '{CASE}/in/dir',
        '{CASE}/in/nope',
        '/dev/zero',
        '/dev/null',
        '',
        '-',
        '--',
      )
      .map((p) => [p]),
    opt('--format', optionValue(['table', 'json'], ['sarif'])),
    flag('--fix'),
    flag('--diff'),
    flag('--yes'),
    flag('--strict'),
    opt('--script', output),
    opt('--patch', output),
    opt('--backup-dir', optionValue(['{CASE}/root/app/.docker-harden/backups'], ['.docker-harden/b', '{CASE}/in/bk', '../../../in/bk', '/', '{DECOY}/dir'])),
    opt('--user', optionValue(['app', '1000', 'app:app'], ["a'b", '0', 'root', 'x\nRUN rm -rf /', '$(id)', 'a b'])),
    opt('--healthcheck-cmd', optionValue(['curl -f http://localhost/ || exit 1'], ['x\nRUN y', '"]', '\\', 'CMD ["x"]', '$(id)'])),
    opt('--fail-on', optionValue(['high', 'none'], ['x'])),
  ],
  ansible: [
    opt('-p', profile),
    opt('-o', outputIn(['{CASE}/out/playbook', '{CASE}/out/pb/'], OUTPUT_PATHS.bad)),
    opt(
      '--from',
      read(
        ['web={CASE}/in/facts.json', '{CASE}/in/facts.json'],
        ['=x', 'a=', '__proto__={CASE}/in/facts.json', 'a b={CASE}/in/facts.json', '../x={CASE}/in/facts.json', 'x\ny={CASE}/in/facts.json'],
      ),
    ),
  ],
  help: [optionValue(['audit', 'plan', 'profiles show'], ['nope']).map((c) => c.split(' '))],
};
