// Hostile input through the built binary: special files are refused without blocking, YAML that
// would expand without end or cannot become data names its file and line, mutated facts name the
// JSON path that is wrong, values an escaper cannot hold are a user error, and control characters
// from facts and Compose files never reach the terminal raw. Every case ends in exit 0, 1 or 2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { ensureBuilt, BIN, REPO } from '../support/ensure-build.js';
import { emptyFacts } from '../../src/facts/empty-facts.js';

const work = mkdtempSync('/tmp/dh-hostile-');
const emptyFactsFile = path.join(work, 'empty.json');
const fixture = (name: string) => JSON.parse(readFileSync(path.join(REPO, 'test/fixtures/hosts', `${name}.json`), 'utf8'));

function run(...args: string[]) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [BIN, '--no-color', ...args], { encoding: 'utf8', timeout: 30_000, cwd: work });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}

/** Exit 2 with one "docker-harden: ..." sentence (and at most a hint line), no stack, no exit 70. */
function expectRefused(r: ReturnType<typeof run>, sentence: RegExp) {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toMatch(/^docker-harden: /);
  expect(r.stderr).toMatch(sentence);
  expect(r.stderr).not.toMatch(/unexpected error|\n\s+at /);
  expect(r.stderr.trimEnd().split('\n').length).toBeLessThanOrEqual(2);
}

function writeFacts(name: string, facts: unknown): string {
  const file = path.join(work, `${name}.json`);
  writeFileSync(file, JSON.stringify(facts));
  return file;
}

let socketServer: Server;
const socketPath = path.join(work, 'facts.sock');

beforeAll(async () => {
  await ensureBuilt();
  writeFileSync(emptyFactsFile, JSON.stringify(emptyFacts()));
  for (const fifo of ['facts.json', 'profile.yaml', 'docker-compose.yml', 'df/Dockerfile', 'root/etc/docker/daemon.json']) {
    mkdirSync(path.dirname(path.join(work, fifo)), { recursive: true });
    expect(spawnSync('mkfifo', [path.join(work, fifo)]).status).toBe(0);
  }
  writeFileSync(path.join(work, 'site.yaml'), 'name: site\nextends: ./profile.yaml\n');
  socketServer = createServer();
  await new Promise<void>((resolve) => socketServer.listen(socketPath, resolve));
}, 180_000);

afterAll(() => {
  socketServer?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('special files are refused without being opened for reading', () => {
  it('a FIFO as --from', () => {
    const r = run('--from', path.join(work, 'facts.json'), 'audit');
    expectRefused(r, /The facts file .*facts\.json is a FIFO \(named pipe\), not a regular file\./);
  });

  it('a FIFO as --profile, and as the target of extends:', () => {
    expectRefused(run('--from', emptyFactsFile, 'plan', '--profile', path.join(work, 'profile.yaml')), /profile file .*profile\.yaml is a FIFO/);
    expectRefused(run('--from', emptyFactsFile, 'plan', '--profile', path.join(work, 'site.yaml')), /profile file .*profile\.yaml is a FIFO/);
  });

  it('a FIFO as --compose', () => {
    const r = run('--from', emptyFactsFile, 'script', '--profile', 'strict', '--compose', path.join(work, 'docker-compose.yml'));
    expectRefused(r, /Cannot read the compose file .*docker-compose\.yml: it is a FIFO \(named pipe\), not a regular file\./);
  });

  it('a FIFO as the Dockerfile', () => {
    expectRefused(run('dockerfile', path.join(work, 'df/Dockerfile')), /df\/Dockerfile is a FIFO \(named pipe\), not a regular file/);
  });

  it('a socket as --from and a character device as --profile', () => {
    expectRefused(run('--from', socketPath, 'audit'), /The facts file .*facts\.sock is a socket, not a regular file\./);
    expectRefused(run('--from', emptyFactsFile, 'plan', '--profile', '/dev/zero'), /profile file \/dev\/zero is a character device, not a regular file/);
  });

  it('a FIFO at ROOT/etc/docker/daemon.json is reported by the probe, and the plan refuses it (exit 2) without writing it', () => {
    const root = path.join(work, 'root');
    const inspect = run('--root', root, '--docker-host', `unix://${root}/none.sock`, 'inspect');
    expect(inspect.stdout).toMatch(/daemonJson\s+error\s+\/etc\/docker\/daemon\.json is a FIFO \(named pipe\), not a regular file/);
    const plan = run('--root', root, '--docker-host', `unix://${root}/none.sock`, '--no-engine', 'plan', '--profile', 'strict');
    expect(plan.code, plan.stderr).toBe(2);
    expect(plan.stdout + plan.stderr).toMatch(
      /\/etc\/docker\/daemon\.json could not be read \(.*FIFO.*\); docker-harden does not write a daemon\.json it could not read/,
    );
    expect(plan.stdout).not.toMatch(/(create|modify)\s+\/etc\/docker\/daemon\.json/);
    expect(plan.stderr).not.toMatch(/unexpected error|\n\s+at /);
  });

  it('a facts file over the 16 MiB limit', () => {
    const big = writeFacts('big', { ...emptyFacts(), hostname: 'x'.repeat(17 * 1024 * 1024) });
    expectRefused(run('--from', big, 'audit'), /is larger than the 16 MiB limit/);
  });
});

describe('YAML that cannot become data', () => {
  const bomb = [
    'x-a: &a ["x","x","x","x","x","x","x","x","x","x"]',
    ...'bcdef'.split('').map((n, i) => `x-${n}: &${n} [${Array(10).fill(`*${'abcdef'[i]}`).join(',')}]`),
  ].join('\n');

  it('an alias bomb in a compose file: exit 2 with the file, the line and the limit', () => {
    const file = path.join(work, 'bomb/docker-compose.yml');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `services:\n  web:\n    image: nginx\n${bomb}\n`);
    const r = run('--from', emptyFactsFile, 'plan', '--profile', 'strict', '--compose', file);
    expectRefused(r, /bomb\/docker-compose\.yml does not parse: aliases expand the document past 500,000 nodes .*maxAliasCount 1000\) at line 5, column \d+\./);
    expect(r.ms).toBeLessThan(20_000);
  });

  it('a compose file whose services are a list, a string or a number: exit 2 naming the file', () => {
    const cases: [string, string, RegExp][] = [
      ['svc-list', 'services: [1, 2]\n', /"services" must be a mapping of service names to their definitions/],
      ['svc-string', 'services: web\n', /"services" must be a mapping/],
      ['svc-number', 'services:\n  web: 5\n', /service "web" must be a mapping of settings/],
      ['top-list', '- services\n', /the top level must be a mapping/],
    ];
    for (const [dir, text, message] of cases) {
      const file = path.join(work, dir, 'docker-compose.yml');
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
      const r = run('--from', emptyFactsFile, 'plan', '--profile', 'strict', '--compose', file);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain(`${dir}/docker-compose.yml`);
      expect(r.stderr).not.toMatch(/unexpected error|\n\s+at /);
    }
  });

  it('an alias bomb in a profile', () => {
    const file = path.join(work, 'bomb.yaml');
    writeFileSync(file, `name: bomb\n${bomb}\n`);
    expectRefused(run('--from', emptyFactsFile, 'plan', '--profile', file), /bomb\.yaml line 3: .*aliases expand the document past 500,000 nodes/);
  });

  it('`<<: 5`, an unresolved alias and an alias inside its own anchor in a compose file', () => {
    const cases: [string, string, RegExp][] = [
      [
        'merge',
        'services:\n  web:\n    image: nginx\n    <<: 5\n',
        /a merge key \(<<\) must name a mapping, an alias of one, or a list of those at line 4, column 9\./,
      ],
      ['alias', 'services:\n  web:\n    image: nginx\n    labels: *nope\n', /the alias \*nope names no anchor defined before it at line 4, column 13\./],
      ['cycle', 'services:\n  web: &w\n    image: nginx\n    labels: [*w]\n', /an alias points into the node that holds it/],
    ];
    for (const [dir, text, message] of cases) {
      const file = path.join(work, dir, 'docker-compose.yml');
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
      expectRefused(run('--from', emptyFactsFile, 'plan', '--profile', 'strict', '--compose', file), message);
    }
  });

  it('an unresolved alias and `<<: 5` in a profile', () => {
    writeFileSync(path.join(work, 'alias.yaml'), 'name: site\ndescription: *nope\n');
    expectRefused(run('--from', emptyFactsFile, 'plan', '--profile', path.join(work, 'alias.yaml')), /alias\.yaml line 2: .*the alias \*nope names no anchor/);
    writeFileSync(path.join(work, 'merge.yaml'), 'name: site\n<<: 5\n');
    expectRefused(run('--from', emptyFactsFile, 'plan', '--profile', path.join(work, 'merge.yaml')), /merge\.yaml line 2: unknown key "<<"/);
  });
});

describe('facts files are checked against the schema', () => {
  const mutations: [string, (f: any) => void, RegExp][] = [
    [
      'dropIns',
      (f) => {
        f.systemd.service.dropIns = 'x';
      },
      /\/systemd\/service\/dropIns must be an array, not a string/,
    ],
    [
      'securityOpt',
      (f) => {
        f.engine.containers[0].HostConfig.SecurityOpt = 5;
      },
      /\/engine\/containers\/0\/HostConfig\/SecurityOpt must be an array or null, not the number 5/,
    ],
    [
      'raw',
      (f) => {
        f.daemonJson.raw = { a: 1 };
      },
      /\/daemonJson\/raw must be a string or null, not an object/,
    ],
    [
      'containers',
      (f) => {
        f.engine.containers = {};
      },
      /\/engine\/containers must be an array, not an object/,
    ],
    [
      'images',
      (f) => {
        f.engine.images = [3];
      },
      /\/engine\/images\/0 must be an object, not the number 3/,
    ],
    [
      'argv',
      (f) => {
        f.dockerd = { pid: 1, exe: '/usr/bin/dockerd', argv: [1] };
      },
      /\/dockerd\/argv\/0 must be a string, not the number 1/,
    ],
    [
      'relative',
      (f) => {
        f.daemonJson.path = 'daemon.json';
      },
      /\/daemonJson\/path must be an absolute path, not "daemon\.json"/,
    ],
    [
      'missing',
      (f) => {
        delete f.audit;
      },
      /\(the top level\) lacks the field "audit"/,
    ],
  ];
  const commands = [['audit'], ['plan', '--profile', 'strict'], ['script', '--profile', 'strict'], ['patch', '--profile', 'strict']];
  // The first mutation goes through every command; the others through one each, in turn.
  mutations.forEach(([name, mutate, message], i) => {
    it(`${name}: exit 2 naming the JSON path`, () => {
      const facts = fixture('debian-docker-io');
      mutate(facts);
      const file = writeFacts(`mutated-${name}`, facts);
      for (const cmd of i === 0 ? commands : [commands[i % commands.length]]) {
        expectRefused(run('--from', file, ...cmd), new RegExp(`The facts file .*mutated-${name}\\.json is not valid: ${message.source}\\.`));
      }
    });
  });
});

describe('facts nested too deep', () => {
  it('valid JSON 100,000 levels deep inside an engine object is refused before anything walks it', () => {
    const text = JSON.stringify(fixture('debian-docker-io')).replace('"info":{', `"info":{"Deep":${'['.repeat(100_000)}${']'.repeat(100_000)},`);
    const file = path.join(work, 'deep.json');
    writeFileSync(file, text);
    expectRefused(run('--from', file, 'inspect', '--json'), /The facts file .*deep\.json is not valid: line 1, column \d+: nesting deeper than 1000 levels/);
  });
});

describe('values an escaper cannot hold', () => {
  it('an audit rule path with a NUL byte is a bad-input sentence; one with quotes is written', () => {
    const facts = fixture('debian-docker-io');
    facts.systemd.service.path = '/lib/systemd/system/dock\u0000er.service';
    const file = writeFacts('escaper-nul', facts);
    for (const cmd of [
      ['plan', '--profile', 'strict'],
      ['script', '--profile', 'strict'],
    ]) {
      expectRefused(
        run('--from', file, ...cmd),
        /An audit rule word cannot be "-w \/lib\/systemd\/system\/dock\\u0000er\.service"|cannot be .*dock\\u0000er\.service/,
      );
    }
    facts.systemd.service.path = `/lib/systemd/system/do"ck'er.service`;
    const quoted = run('--from', writeFacts('escaper-quote', facts), 'plan', '--profile', 'strict');
    expect(quoted.code, quoted.stderr).toBe(0);
    expect(quoted.stdout).toContain(`+-w /lib/systemd/system/do"ck'er.service -p rwxa -k docker`);
  });
});

describe('control characters are shown escaped, never sent to the terminal', () => {
  const hostile = 'we\u001b]0;pwned\u0007b\u001b[2J';

  it('a container name with ESC and BEL in the audit table, plan text and inspect text', () => {
    const facts = fixture('debian-docker-io');
    facts.engine.containers[0].Name = `/${hostile}`;
    facts.probes.engine = { status: 'ok', message: `seen ${hostile}` };
    const file = writeFacts('esc', facts);
    for (const cmd of [['audit'], ['plan', '--profile', 'strict'], ['inspect']]) {
      const r = run('--from', file, ...cmd);
      expect([0, 1], r.stderr).toContain(r.code);
      expect(r.stdout + r.stderr).not.toMatch(/[\u0007\u001b]/);
      expect(r.stdout).toContain('we\\x1B]0;pwned\\x07b\\x1B[2J');
    }
  });

  it('a Compose service and path with ESC in plan text and in an error sentence', () => {
    const dir = path.join(work, 'esc\u001b[31mdir');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'docker-compose.yml'), 'services:\n  "w\\e[2Jeb":\n    image: nginx\n');
    const plan = run('--from', emptyFactsFile, 'plan', '--profile', 'strict', '--compose', path.join(dir, 'docker-compose.yml'));
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).not.toMatch(/\u001b/);
    expect(plan.stdout).toContain('w\\x1B[2Jeb');
    expect(plan.stdout).toContain('esc\\x1B[31mdir');
    const missing = run('--from', emptyFactsFile, 'plan', '--profile', 'strict', '--compose', path.join(dir, 'nope\u0007.yml'));
    expectRefused(missing, /nope\\x07\.yml: it does not exist\./);
    expect(missing.stderr).not.toMatch(/[\u0007\u001b]/);
  });
});
