// Bad input through the real entry point: one sentence, exit 2, nothing written.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { emptyFacts } from '../../src/facts/empty-facts.js';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('bad input', () => {
  it('a --root that does not exist', async () => {
    const r = await run('--root', '/nonexistent/dh-root', 'audit');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^docker-harden: The root \/nonexistent\/dh-root is not a directory\./);
  });

  it('a --compose file that does not parse: apply refuses with its line and writes nothing', async () => {
    const root = mkdtempSync('/tmp/dh-bad-compose-');
    mkdirSync(path.join(root, 'srv/app'), { recursive: true });
    writeFileSync(path.join(root, 'srv/app/docker-compose.yml'), 'services:\n  web:\n    image: [unclosed\n');
    const facts = path.join(root, 'facts.json');
    writeFileSync(facts, JSON.stringify(emptyFacts({ root })));
    const before = readdirSync(root, { recursive: true }).sort();
    const r = await run('--root', root, '--from', facts, 'apply', '--profile', 'strict', '--yes', '--compose', path.join(root, 'srv/app/docker-compose.yml'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^docker-harden: The compose project .* cannot be planned: .*docker-compose.yml does not parse: .*line 4, column 1\./);
    expect(r.stderr.split('\n')).toHaveLength(2); // the sentence and what to do
    expect(readdirSync(root, { recursive: true }).sort()).toEqual(before);
  });

  it('a profile with an unknown key', async () => {
    const dir = mkdtempSync('/tmp/dh-bad-profile-');
    writeFileSync(path.join(dir, 'site.yaml'), 'name: site\nparms: {}\n');
    writeFileSync(path.join(dir, 'facts.json'), JSON.stringify(emptyFacts()));
    const r = await run('--from', path.join(dir, 'facts.json'), 'plan', '--profile', path.join(dir, 'site.yaml'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/site\.yaml line 2: unknown key "parms" at the top level/);
  });
});
