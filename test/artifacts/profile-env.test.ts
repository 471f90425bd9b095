import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { emptyFacts } from '../../src/facts/empty-facts.js';
import { renderProfileEnv } from '../../src/artifacts/profile-env.js';
import type { Tagged } from '../../src/rules/contribution.js';

const PATH = '/etc/profile.d/docker-content-trust.sh';
const env = (name: string, value: string, path = PATH): Tagged<'env-file'> => ({ kind: 'env-file', path, name, value, ruleId: '4.5' });

describe('environment files', () => {
  it('creates a profile.d script that a shell sources to the exact value', () => {
    const r = renderProfileEnv(emptyFacts(), [env('DOCKER_CONTENT_TRUST', '1'), env('ODD', "a b'$(x)")], 'strict');
    expect(r.files[0]).toMatchObject({ path: PATH, kind: 'create', mode: 0o644, closes: ['4.5'], artifact: 'profile-env' });
    const run = spawnSync('bash', ['-c', `${r.files[0].after}\nprintf '%s|%s' "$DOCKER_CONTENT_TRUST" "$ODD"`], { encoding: 'utf8' });
    expect(run.stdout).toBe("1|a b'$(x)");
    expect(r.warnings[0].text).toMatch(/new login shells/);
  });

  it('replaces only our variable in an existing file and is unchanged once set', () => {
    const facts = emptyFacts({ contentTrust: { env: null, files: [{ path: PATH, content: '# site\nexport OTHER=1\nDOCKER_CONTENT_TRUST=0\n' }] } });
    const r = renderProfileEnv(facts, [env('DOCKER_CONTENT_TRUST', '1')], 'strict');
    expect(r.files[0].after).toBe('# site\nexport OTHER=1\nexport DOCKER_CONTENT_TRUST=1\n');
    facts.contentTrust.files[0].content = r.files[0].after!;
    const again = renderProfileEnv(facts, [env('DOCKER_CONTENT_TRUST', '1')], 'strict');
    expect(again.files[0].kind).toBe('unchanged');
    expect(again.warnings).toEqual([]);
  });

  it('refuses what a plain KEY=value file cannot hold', () => {
    const r = renderProfileEnv(emptyFacts(), [env('X', 'a b', '/etc/environment'), env('1BAD', 'x')], 'strict');
    expect(r.refused.map((x) => x.key)).toEqual(['X', '1BAD']);
    expect(r.files).toEqual([]);
  });
});
