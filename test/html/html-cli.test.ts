// `audit --format html` through the command line: to a file with -o, to standard output, and into
// a missing directory (one sentence, exit 2, nothing written).
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const FACTS = fileURLToPath(new URL('../fixtures/hosts/debian-docker-io.json', import.meta.url));
const work = mkdtempSync('/tmp/dh-html-cli-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('audit --format html', () => {
  it('writes one page with -o, naming the profile; the exit code still follows --fail-on', async () => {
    const file = path.join(work, 'report.html');
    const r = await run('--from', FACTS, 'audit', '--format', 'html', '--profile', 'baseline', '-o', file);
    expect(r.stderr).toMatch(new RegExp(`^Wrote the html report to ${file}\\.`));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<title>CIS Docker audit of deb12</title>');
    expect(html).toContain('<dt>Profile</dt><dd>baseline</dd>');
    expect(html).toMatch(/<dt>Engine<\/dt><dd>Docker 20\.10\.24\+dfsg1, API 1\.41<\/dd>/);
  });

  it('writes to standard output without -o', async () => {
    const r = await run('--from', FACTS, 'audit', '--format', 'html', '--include', '2');
    expect(r.stdout).toMatch(/^<!doctype html>[\s\S]*<\/html>\n$/);
    expect(r.stdout).toContain('<dd>none (the whole catalog)</dd>');
    expect(r.stdout).not.toContain('data-section="5"');
  });

  it('refuses a missing directory in one sentence with exit 2, and writes nothing', async () => {
    const before = readdirSync(work);
    const missing = path.join(work, 'no-such-dir', 'report.html');
    const r = await run('--from', FACTS, 'audit', '--format', 'html', '-o', missing);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `docker-harden: Cannot write ${missing}: the directory ${path.dirname(missing)} does not exist.\nCreate it first, or choose another path for --output.`,
    );
    expect(r.stdout).toBe('');
    expect(existsSync(path.dirname(missing))).toBe(false);
    expect(readdirSync(work)).toEqual(before);
  });
});
