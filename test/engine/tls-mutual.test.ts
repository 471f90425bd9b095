// CIS 2.8 mutual TLS for real: the plan's certificate step runs openssl into a temp dir (twice: the
// second run changes nothing), a private dockerd starts on tcp://127.0.0.1 with the TLS flags of the
// plan's drop-in, the docker CLI with the client configuration gets in, and without it is refused.
// The expiry warning is read from a real certificate made to expire in 10 days.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { describeEngine } from '../support/engine.js';
import { startPrivateEngine, stopPrivateEngine, type PrivateEngine } from '../support/private-engine.js';
import { readFactsFile } from '../../src/facts/facts-file.js';
import { splitCommandLine } from '../../src/facts/dockerd-flags.js';
import { findRule } from '../../src/rules/catalog.js';
import { DEFAULT_PARAMS } from '../../src/rules/params.js';
import { buildPlan } from '../../src/plan/build-plan.js';
import { dropInPath } from '../../src/artifacts/systemd-paths.js';
import { probeTlsCertificates } from '../../src/probes/tls-certificates-probe.js';
import type { Plan } from '../../src/plan-model/plan.js';
import { FIXTURES_DIR } from '../support/fixtures.js';

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
const rule = findRule('2.8')!;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A mutual-TLS plan for the fixture host with its docker.service on `url`, certificates under `dir`. */
async function tlsPlan(url: string, dir: string): Promise<Plan> {
  const facts = await readFactsFile(path.join(FIXTURES_DIR, 'plan-review', 'default-docker-opts.json'));
  facts.dockerd = null;
  facts.hostAddresses = ['127.0.0.1'];
  const unit = facts.systemd.service!;
  unit.content = unit.content.replace(/^ExecStart=.*$/m, `ExecStart=/usr/sbin/dockerd -H fd:// -H ${url} $DOCKER_OPTS`);
  return buildPlan({ facts, rules: [rule], params: { ...DEFAULT_PARAMS, tcpRemedy: 'mutual-tls', tlsCertDir: dir }, profileName: 'test' });
}

const runStep = (command: string[]) => execFileSync(command[0], command.slice(1), { stdio: 'pipe' });
const mode = (p: string) => (statSync(p).mode & 0o7777).toString(8);

describeEngine('mutual TLS made by the plan', () => {
  let engine: PrivateEngine | null = null;
  let dir = '';
  let url = '';
  let plan: Plan;

  beforeAll(async () => {
    if (!hasOpenssl) return;
    dir = path.join(mkdtempSync('/tmp/dh-mtls-'), 'docker tls');
    url = `tcp://127.0.0.1:${await freePort()}`;
    plan = await tlsPlan(url, dir);
    runStep(plan.steps[0].command);
    const dropIn = plan.files.find((f) => f.path === dropInPath('docker.service'))!.after!;
    const exec = splitCommandLine(
      dropIn
        .split('\n')
        .filter((l) => l.startsWith('ExecStart=/'))
        .at(-1)!
        .slice('ExecStart='.length),
    );
    // The private engine keeps its own unix socket; the TCP listener and TLS flags are the plan's.
    engine = await startPrivateEngine({ importImage: false, extraArgs: ['-H', url, ...exec.slice(exec.indexOf('--tlsverify'))] });
  }, 120_000);
  afterAll(async () => {
    if (engine) await stopPrivateEngine(engine);
  });

  it.skipIf(!hasOpenssl)('makes the files once, with the owners and modes of CIS 3.9–3.14, and a script shellcheck accepts', () => {
    expect(plan.steps.map((s) => s.id)).toEqual(['tls-certificates', 'systemd-daemon-reload', 'docker-restart']);
    const files = ['ca.pem', 'server-cert.pem', 'server-key.pem', 'ca-key.pem', 'client/ca.pem', 'client/cert.pem', 'client/key.pem'].map((f) =>
      path.join(dir, f),
    );
    const before = files.map((f) => readFileSync(f, 'utf8'));
    runStep(plan.steps[0].command);
    expect(files.map((f) => readFileSync(f, 'utf8'))).toEqual(before);
    expect(files.map(mode)).toEqual(['444', '444', '400', '400', '444', '444', '400']);
    for (const f of files) expect([statSync(f).uid, statSync(f).gid]).toEqual([0, 0]);
    const server = new X509Certificate(readFileSync(path.join(dir, 'server-cert.pem')));
    expect(server.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(server.verify(new X509Certificate(readFileSync(path.join(dir, 'ca.pem'))).publicKey)).toBe(true);
    const script = path.join(path.dirname(dir), 'step.sh');
    writeFileSync(script, plan.steps[0].command[2]);
    expect(spawnSync('shellcheck', ['-s', 'sh', script], { encoding: 'utf8' }).stdout).toBe('');
  });

  it.skipIf(!hasOpenssl)('lets a client with the client certificate in, and refuses one without it', () => {
    const client = path.join(dir, 'client');
    const withCert = spawnSync('docker', ['-H', url, 'version', '--format', '{{.Server.Version}}'], {
      encoding: 'utf8',
      env: { ...process.env, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: client, DOCKER_CONFIG: path.dirname(dir) },
    });
    expect(withCert.stderr).toBe('');
    expect(withCert.stdout.trim()).toMatch(/^20\.10/);
    const caOnly = spawnSync('docker', ['--tls', '--tlscacert', path.join(client, 'ca.pem'), '-H', url, 'version', '--format', '{{.Server.Version}}'], {
      encoding: 'utf8',
      env: { ...process.env, DOCKER_TLS_VERIFY: '', DOCKER_CONFIG: path.dirname(dir) },
    });
    expect(caOnly.status).not.toBe(0);
    expect(caOnly.stderr).toContain('tls: bad certificate');
    const plain = spawnSync('docker', ['-H', url, 'version', '--format', '{{.Server.Version}}'], {
      encoding: 'utf8',
      env: { ...process.env, DOCKER_TLS_VERIFY: '', DOCKER_CONFIG: path.dirname(dir) },
    });
    expect(plain.status).not.toBe(0);
    expect(plain.stderr).toContain('HTTP request to an HTTPS server');
  });

  it.skipIf(!hasOpenssl)('reads notAfter from the certificates, and warns for one that expires in 10 days', async () => {
    const made = await probeTlsCertificates('/', [path.join(dir, 'ca.pem'), path.join(dir, 'server-cert.pem')]);
    expect(made.status.status).toBe('ok');
    const soon = path.join(path.dirname(dir), 'soon.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '10',
        '-subj',
        '/CN=soon',
        '-keyout',
        `${soon}.key`,
        '-out',
        soon,
      ],
      { stdio: 'ignore' },
    );
    const facts = await readFactsFile(path.join(FIXTURES_DIR, 'plan-review', 'default-docker-opts.json'));
    facts.dockerd = null;
    facts.collectedAt = new Date().toISOString();
    const ca = path.join(dir, 'ca.pem');
    const unit = facts.systemd.service!;
    unit.content = unit.content.replace(
      /^ExecStart=.*$/m,
      `ExecStart=/usr/sbin/dockerd -H ${url} --tlsverify --tlscacert ${ca} --tlscert ${soon} --tlskey ${soon}.key`,
    );
    facts.tlsCertificates = made.value;
    expect(rule.check(facts)[0].status).toBe('pass');
    facts.tlsCertificates = (await probeTlsCertificates('/', [ca, soon])).value;
    const [r] = rule.check(facts);
    expect(r.status).toBe('warn');
    expect(r.message).toMatch(/tlscert \S+soon\.pem expires in (9|10) days/);
  });
});
