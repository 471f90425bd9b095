import { describe, expect, it } from 'vitest';
import type { EngineObject, HostFacts } from '../../facts/host-facts.js';
import { emptyFacts } from '../../facts/empty-facts.js';
import { DEFAULT_PARAMS } from '../params.js';
import type { CheckResult, Rule } from '../rule.js';
import { loadFacts, ruleFixtures } from '../../../test/support/fixtures.js';
import { section4Rules } from './index.js';
import { addInstructions } from './4-9-copy-instead-of-add.js';
import { updatesAlone } from './4-7-no-update-alone.js';
import { instruction } from './support.js';

const rule = (id: string): Rule => section4Rules.find((r) => r.id === id)!;
const statuses = (results: CheckResult[]) => results.map((r) => r.status);

/** The pass fixture's host with its image changed by `edit` (and its container). */
function withImage(edit: (img: EngineObject) => void, editContainer: (c: EngineObject) => void = () => {}): HostFacts {
  const facts = loadFacts(ruleFixtures('4.1').pass[0]);
  edit(facts.engine!.images[0]);
  editContainer(facts.engine!.containers[0]);
  return facts;
}

describe('section 4 catalogue', () => {
  it('lists 4.1 to 4.12 in order, manual where the facts cannot decide', () => {
    expect(section4Rules.map((r) => r.id)).toEqual(Array.from({ length: 12 }, (_, i) => `4.${i + 1}`));
    const manual = section4Rules.filter((r) => r.checks === 'manual').map((r) => r.id);
    expect(manual).toEqual(['4.2', '4.3', '4.4', '4.11', '4.12']);
    for (const id of manual) expect(statuses(rule(id).check(emptyFacts()))).toEqual(['manual']);
  });

  it('says a deep scan is what 4.8 would need', () => {
    expect(rule('4.8').check(emptyFacts())[0].message).toContain('--deep');
  });
});

describe('image results', () => {
  it('name the image as subject and evidence', () => {
    const [result] = rule('4.6').check(loadFacts(ruleFixtures('4.6').fail[0]));
    expect(result.subject).toEqual({ image: 'registry.example.com/shop/web:1.4.2' });
    expect(result.evidence[0].detail).toMatch(/^registry\.example\.com\/shop\/web:1\.4\.2: Config\.Healthcheck/);
  });

  it('warn naming the engine probe when images could not be read', () => {
    const results = rule('4.1').check(emptyFacts({ probes: { engine: { status: 'error', message: 'timeout' } } }));
    expect(statuses(results)).toEqual(['warn']);
    expect(results[0].evidence[0].detail).toBe('engine: error (timeout)');
  });
});

describe('4.1 user', () => {
  it('warns when a root image is run as another user by every container', () => {
    const facts = withImage(
      (img) => (img.Config.User = ''),
      (c) => (c.Config.User = '1000:1000'),
    );
    const [result] = rule('4.1').check(facts);
    expect(result.status).toBe('warn');
    expect(result.evidence.map((e) => e.detail).join('\n')).toContain('container shop-web-1 overrides with Config.User "1000:1000"');
  });

  it('fails a non-root image that a container overrides back to root', () => {
    const [result] = rule('4.1').check(
      withImage(
        () => {},
        (c) => (c.Config.User = 'root'),
      ),
    );
    expect(result.status).toBe('fail');
  });

  it.each(['', 'root', '0', '0:0', 'root:wheel'])('treats USER %j as root', (user) => {
    expect(
      rule('4.1').check(
        withImage(
          (img) => (img.Config.User = user),
          (c) => (c.Config.User = user),
        ),
      )[0].status,
    ).toBe('fail');
  });
});

describe('4.7 / 4.9 history', () => {
  it('reads classic and BuildKit history entries', () => {
    expect(instruction('/bin/sh -c #(nop)  ENV A=1')).toMatchObject({ kind: 'ENV', text: 'A=1' });
    expect(instruction('RUN /bin/sh -c apk update # buildkit')).toMatchObject({ kind: 'RUN', text: 'apk update' });
    expect(instruction('|2 A=1 B=2 /bin/sh -c make')).toEqual({ kind: 'RUN', text: 'make', args: 'A=1 B=2' });
  });

  it('flags an index update without an install in the same RUN', () => {
    const run = (cmd: string) => updatesAlone([{ CreatedBy: `/bin/sh -c ${cmd}` }]).length;
    expect(run('apt-get update')).toBe(1);
    expect(run('apt-get -q update')).toBe(1);
    expect(run('apk update')).toBe(1);
    expect(run('yum -y update')).toBe(1);
    expect(run('apt-get update && apt-get install -y curl')).toBe(0);
    expect(run('apk add --no-cache curl')).toBe(0);
    expect(run('apt-get update && apt-get -y dist-upgrade')).toBe(0);
    expect(updatesAlone([{ CreatedBy: '/bin/sh -c #(nop)  LABEL note=apt-get update' }])).toEqual([]);
  });

  it('skips only the base rootfs ADD in the oldest entry', () => {
    expect(addInstructions([{ CreatedBy: '/bin/sh -c #(nop)  CMD ["sh"]' }, { CreatedBy: '/bin/sh -c #(nop) ADD file:9d8b in / ' }])).toEqual([]);
    expect(addInstructions([{ CreatedBy: 'CMD ["/bin/sh"] # buildkit' }, { CreatedBy: 'ADD alpine-minirootfs-3.20.0-x86_64.tar.gz / # buildkit' }])).toEqual(
      [],
    );
    expect(addInstructions([{ CreatedBy: '/bin/sh -c #(nop) ADD file:9d8b in / ' }, { CreatedBy: '/bin/sh -c #(nop) COPY file:1 in /etc ' }])).toHaveLength(1);
    expect(addInstructions([{ CreatedBy: 'ADD https://example.com/app.tgz /opt/ # buildkit' }, { CreatedBy: 'ADD rootfs.tar.xz / # buildkit' }])).toHaveLength(
      1,
    );
  });

  it('warns when history was not collected', () => {
    const facts = withImage((img) => delete img.History);
    expect(rule('4.7').check(facts)[0].status).toBe('warn');
    expect(rule('4.9').check(facts)[0].status).toBe('warn');
  });
});

describe('4.10 secrets', () => {
  it('names the variable and never prints its value', () => {
    const results = rule('4.10').check(loadFacts(ruleFixtures('4.10').fail[0]));
    const text = JSON.stringify(results);
    expect(text).not.toContain('do-not-print');
    const details = results[0].evidence.map((e) => e.detail);
    expect(details).toContain('registry.example.com/shop/web:1.4.2: Config.Env: DB_PASSWORD=<value hidden>');
    expect(details).toContain('registry.example.com/shop/web:1.4.2: history: ENV DB_PASSWORD=<value hidden>');
    expect(details).toContain('registry.example.com/shop/web:1.4.2: history: RUN build-arg API_TOKEN=<value hidden>');
  });

  it('finds private key blocks and labels, and ignores public keys and file pointers', () => {
    const flagged = (env: string[], labels: Record<string, string> = {}, history: string[] = []) =>
      rule('4.10').check(
        withImage((img) => {
          img.Config.Env = env;
          img.Config.Labels = labels;
          img.History = history.map((CreatedBy) => ({ CreatedBy }));
        }),
      )[0].status;
    expect(flagged(['GPG_KEY=A4A9406876FCBD3C456770C88C718D3B5072E1F5', 'MYSQL_ROOT_PASSWORD_FILE=/run/secrets/db', 'AWS_SECRET_ACCESS_KEY='])).toBe('pass');
    expect(flagged(['GITHUB_TOKEN=ghp_x'])).toBe('fail');
    expect(flagged([], { 'com.example.api-key': 'k' })).toBe('fail');
    expect(flagged([], {}, ['/bin/sh -c echo "-----BEGIN OPENSSH PRIVATE KEY-----" > /root/.ssh/id'])).toBe('fail');
    expect(flagged([], {}, ['/bin/sh -c #(nop)  ENV SECRET_KEY changeme'])).toBe('fail');
  });
});

describe('4.5 content trust', () => {
  const trust = (env: string | null, content?: string) =>
    rule('4.5').check(emptyFacts({ contentTrust: { env, files: content === undefined ? [] : [{ path: '/etc/environment', content }] } }))[0].status;

  it('follows the docker client: any non-false value enables it, the last assignment wins', () => {
    expect(trust('true')).toBe('pass');
    expect(trust('false')).toBe('fail');
    expect(trust('')).toBe('fail');
    expect(trust(null, 'DOCKER_CONTENT_TRUST="1"\n')).toBe('pass');
    expect(trust(null, 'export DOCKER_CONTENT_TRUST=1\nDOCKER_CONTENT_TRUST=0\n')).toBe('fail');
    expect(trust(null, '# DOCKER_CONTENT_TRUST=1\n')).toBe('fail');
  });

  it('writes the profile.d file only when the profile asks for it', () => {
    const facts = emptyFacts();
    expect(rule('4.5').remediate!(facts, { ...DEFAULT_PARAMS, contentTrust: true })).toMatchObject([
      { kind: 'env-file', path: '/etc/profile.d/docker-content-trust.sh', name: 'DOCKER_CONTENT_TRUST', value: '1' },
    ]);
    expect(rule('4.5').remediate!(facts, DEFAULT_PARAMS)).toMatchObject([{ kind: 'manual' }]);
    expect(rule('4.5').remediate!(emptyFacts({ contentTrust: { env: '1', files: [] } }), { ...DEFAULT_PARAMS, contentTrust: true })).toEqual([]);
  });
});
