// Profile parameters at their extremes and waivers with odd expiry dates: sizes and counts past
// every integer type, negative and zero limits, values with quotes and line breaks that reach
// daemon.json, systemd units, scripts and Compose overrides, keys named after Object's own.
import fc from 'fast-check';
import type { FuzzCase } from './case.js';
import { commandArgs } from './commands.js';
import { parse } from 'yaml';
import { firstSchemaError } from '../../src/profiles/schema.js';
import { composeFiles, hostFacts } from './fixtures.js';

/** YAML scalars written as text, so numbers keep digits a double would lose. */
const PARAMS: Record<string, readonly string[]> = {
  memoryLimit: ['"99999999999999999999999g"', '"0"', '"0b"', '"1"', '"9007199254740993k"', '"512m"', '-1', '"1e3m"'],
  pidsLimit: ['-1', '0', '1', '9007199254740993', '1e30', '2147483648', '1.5', '"256"'],
  cpuShares: ['1', '2', '262144', '262145', '-5', '1e300'],
  restartMaxRetries: ['0', '1', '1e300', '18446744073709551616', '-1'],
  recreateGateSeconds: ['0', '1', '600', '601', '1e9'],
  logMaxSize: ['"99999999999999999999999k"', '"0"', '"10m"', '"1g"', '"00"'],
  logMaxFile: ['"99999999999999999999"', '"1"', '"0"', '3'],
  usernsRemap: ['default', '"root:root"', '"a\\nb"', `"'; touch /tmp/pwned; '"`, '"0:0"', '"4294967296:1"', '"-x"', '"__proto__"'],
  bindHostIp: ['"999.999.999.999"', '"::"', '":::::"', '"0.0.0.0"', '"127.0.0.1\\n"', '"fe80::1%eth0"', '"1.2.3.4"'],
  defaultUlimits: [
    '{nofile: {soft: -1, hard: 0}}',
    '{nofile: {soft: 100, hard: 10}}',
    '{nproc: {soft: 1e20, hard: 1e20}}',
    '{core: null, stack: {soft: 18446744073709551615, hard: 18446744073709551615}}',
    '{__proto__: {soft: 1, hard: 1}}',
    '{}',
  ],
  capAddByImage: ['{"": [NET_ADMIN]}', '{"__proto__": [SYS_ADMIN]}', '{"nginx": [ALL]}', '{"*": [NET_BIND_SERVICE, NET_BIND_SERVICE]}', '{"x\\ny": null}'],
  healthcheckByImage: [
    '{nginx: ["CMD", "curl -f http://localhost/ || exit 1"]}',
    '{nginx: ["CMD-SHELL", "a\\nb"]}',
    '{nginx: ["NONE"]}',
    '{"": ["CMD", "$(id)"]}',
    `{nginx: ["CMD", "'\\"\`"]}`,
  ],
  seccompProfile: ['"/\\n"', '"/../../../../etc/shadow"', '"/dev/zero"', '"{DECOY}/secret"', 'null', '"/x y/\'q\'.json"'],
  authorizationPlugin: ['"x\\"; rm -rf /; \\""', '"a\\nb"', '"plugin"', 'null'],
  tlsCertDir: ['"/../../tmp"', '"/x y"', `"/it's"`, '"/"', '"/etc/docker/tls\\u0000"'],
  auditKey: [`"${'a'.repeat(31)}"`, '"-"', '"_"'],
  auditRulesFile: ['"..rules"', '"a.rules"', `"${'a'.repeat(250)}.rules"`],
  contentTrust: ['true', 'false'],
  tcpRemedy: ['mutual-tls', 'stop-listening'],
  recreate: ['standalone', '"off"'],
};

const EXPIRES = { valid: ['2999-01-01', '1970-01-01', '2026-12-05', '2038-01-19'], invalid: ['0000-00-00', '9999-99-99', '2026-02-30', '2026-13-45'] };
const WAIVER_IDS = { valid: ['"2.15"', '"5.10"', '"1.7.0:2.14"', '"1.1.1"'], invalid: ['"9.9"'] };

/** The values the profile schema accepts: most cases use only those, so the command gets past loading. */
const ACCEPTED: Record<string, string[]> = Object.fromEntries(
  Object.entries(PARAMS).map(([k, vs]) => [k, vs.filter((v) => firstSchemaError({ name: 'x', params: { [k]: parse(v) } }) === undefined)]),
);

const waiver = (valid: boolean) =>
  fc
    .tuple(
      fc.constantFrom(...WAIVER_IDS.valid, ...(valid ? [] : WAIVER_IDS.invalid)),
      fc.constantFrom('accepted', '"\\u001b[2J\\u0007"', '"<fz-inject>"', `"${'r'.repeat(5000)}"`, '"a\\nb"'),
      fc.option(fc.constantFrom(...EXPIRES.valid, ...(valid ? [] : EXPIRES.invalid))),
    )
    .map(([id, reason, expires]) => `  - id: ${id}\n    reason: ${reason}\n${expires ? `    expires: "${expires}"\n` : ''}`);

const profileText = fc
  .oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) })
  .chain((valid) => {
    const values = (k: string) => (valid ? ACCEPTED[k]! : PARAMS[k]!);
    const keys = Object.keys(PARAMS).filter((k) => values(k).length > 0);
    return fc.tuple(
      fc.constantFrom('strict', 'baseline'),
      fc.subarray(keys, { minLength: 1, maxLength: 6 }).chain((ks) => fc.tuple(...ks.map((k) => fc.constantFrom(...values(k).map((v) => `  ${k}: ${v}\n`))))),
      fc.uniqueArray(waiver(valid), { maxLength: 4, selector: (w) => w.split('\n')[0] }),
    );
  })
  .map(([parent, params, waivers]) => `name: extreme\nextends: ${parent}\nparams:\n${params.join('')}${waivers.length ? `waivers:\n${waivers.join('')}` : ''}`);

/** Besides the usual commands: the profile shown, and audited as every report format. */
const extraCommands = fc.constantFrom(
  ['profiles', 'show', '{CASE}/in/profile.yaml'],
  ['profiles', 'show', '--json', '{CASE}/in/profile.yaml'],
  ['audit', '-p', '{CASE}/in/profile.yaml', '--format', 'html'],
  ['ansible', '-p', '{CASE}/in/profile.yaml', '-o', '{CASE}/out/playbook'],
);

export const profileParamsCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(profileText, fc.nat(hostFacts.length - 1), fc.constantFrom(...composeFiles), fc.boolean())
  .chain(([content, host, composeText, extra]) =>
    (extra ? extraCommands : commandArgs({ profile: '{CASE}/in/profile.yaml', compose: ['{CASE}/root/srv/app/compose.yml'] })).map((cmd) => ({
      kind: 'profile-params' as const,
      entries: [
        { path: 'in/profile.yaml', type: 'file' as const, content },
        { path: 'in/facts.json', type: 'file' as const, content: JSON.stringify({ ...(hostFacts[host] as object), root: '{ROOT}' }) },
        { path: 'root/srv/app/compose.yml', type: 'file' as const, content: composeText },
      ],
      argv: ['--from', '{CASE}/in/facts.json', '--root', '{ROOT}', ...cmd],
      // Waiver reasons reach the HTML report: they must arrive escaped.
      ...((cmd as readonly string[]).includes('html') ? { outputCheck: 'html' as const } : {}),
    })),
  );
