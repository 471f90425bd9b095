// The compose renderer inside the plan: engine projects planned from the rules' contributions,
// owner and mode kept, what went into files not repeated as advice, unreadable projects left as
// advice, and containers outside Compose given `docker update` steps and one recreate note each.
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/plan/build-plan.js';
import { emptyFacts } from '../../src/facts/empty-facts.js';
import type { HostFacts } from '../../src/facts/host-facts.js';
import { section5Rules } from '../../src/rules/section5/index.js';
import { DEFAULT_PARAMS } from '../../src/rules/params.js';
import { fileProjects } from '../../src/compose/file-projects.js';

const BASE = `services:
  web:
    image: shop/web:3
    cap_add: [ALL]   # needed? nobody remembers
    ports:
      - "8080:80"
    restart: always
`;
const OVERRIDE = '/srv/shop/docker-compose.hardening.yml';

function facts(configFiles: HostFacts['compose'][number]['configFiles'] = [{ path: '/srv/shop/docker-compose.yml', content: BASE }]): HostFacts {
  const labels = { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'web', 'com.docker.compose.version': '1.29.2' };
  return emptyFacts({
    engine: {
      host: 'unix:///run/docker.sock',
      version: {},
      info: { SecurityOptions: [] },
      images: [],
      networks: [],
      containers: [
        {
          Name: '/shop_web_1',
          State: { Running: true },
          Config: { Image: 'shop/web:3', Labels: labels, ExposedPorts: { '80/tcp': {} } },
          HostConfig: {
            CapAdd: ['ALL'],
            PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] },
            RestartPolicy: { Name: 'always', MaximumRetryCount: 0 },
            NetworkMode: 'shop_default',
          },
        },
        {
          Name: '/solo',
          State: { Running: true },
          Config: { Image: 'busybox:1', Labels: {} },
          HostConfig: { Privileged: true, RestartPolicy: { Name: 'unless-stopped', MaximumRetryCount: 0 }, NetworkMode: 'solo-net' },
        },
      ],
    },
    compose: [{ name: 'shop', workingDir: '/srv/shop', configFiles, services: { web: ['shop_web_1'] } }],
    files: { '/srv/shop/docker-compose.yml': { exists: true, type: 'file', mode: 0o640, uid: 1001, gid: 1001, owner: 'deploy', group: 'deploy' } },
  });
}

const plan = (f: HostFacts, extra: Partial<Parameters<typeof buildPlan>[0]> = {}) =>
  buildPlan({ facts: f, rules: section5Rules, params: DEFAULT_PARAMS, profileName: 'strict', compose: { existing: { [OVERRIDE]: null } }, ...extra });

describe('compose overrides in the plan', () => {
  it('writes the override and the base patch with the base file owner and mode', () => {
    const p = plan(facts());
    const files = p.files.filter((f) => f.artifact === 'compose-override');
    expect(files.map((f) => [f.path, f.kind, f.owner, f.group, f.mode.toString(8)])).toEqual([
      ['/srv/shop/docker-compose.hardening.yml', 'create', 'deploy', 'deploy', '640'],
      ['/srv/shop/docker-compose.yml', 'modify', 'deploy', 'deploy', '640'],
    ]);
    expect(files[1].after).toBe(BASE.replace('    cap_add: [ALL]   # needed? nobody remembers\n', '').replace('"8080:80"', '"127.0.0.1:8080:80"'));
    // The container exposes port 80, so cap_drop ALL keeps NET_BIND_SERVICE.
    expect(files[0].after).toContain('    cap_add:\n      - NET_BIND_SERVICE\n');
    expect(files[0].after).toContain('    restart: on-failure:5\n');
  });

  it('gives no advice for what went into the files, and says how to recreate the project', () => {
    const p = plan(facts());
    expect(p.manual.filter((m) => m.text.startsWith('Compose project shop, service web: set'))).toEqual([]);
    expect(p.manual.map((m) => m.text)).toContain(
      'Compose project shop: recreate its containers so the settings take effect (this restarts them): docker-compose -p shop -f /srv/shop/docker-compose.yml -f /srv/shop/docker-compose.hardening.yml up -d',
    );
    expect(p.warnings.map((w) => w.text)).toContainEqual(
      expect.stringMatching(/shop\/web keeps NET_BIND_SERVICE under cap_drop ALL: it listens on container port 80/),
    );
  });

  it('updates a container outside Compose live where it can, and lists every recreate flag in one note', () => {
    const p = plan(facts());
    expect(p.steps.map((s) => s.command.join(' '))).toEqual([
      'docker update --memory=512m --memory-swap=1024m --cpu-shares=512 --restart=on-failure:5 --pids-limit=256 solo',
    ]);
    const recreate = p.manual.filter((m) => m.text.startsWith('Recreate container solo'));
    expect(recreate).toHaveLength(1);
    expect(recreate[0].text).toBe(
      'Recreate container solo with --privileged=false --cap-drop ALL --read-only --tmpfs /tmp --tmpfs /run --security-opt no-new-privileges (these cannot change on a running container). Closes CIS 5.4, 5.5, 5.13, 5.26.',
    );
  });

  it('leaves a project whose file cannot be read as advice', () => {
    const p = plan(facts([{ path: '/srv/shop/docker-compose.yml', content: null, error: '/srv/shop/docker-compose.yml is not readable' }]));
    expect(p.files.filter((f) => f.artifact === 'compose-override')).toEqual([]);
    expect(p.manual.map((m) => m.text)).toContain(
      'Compose project shop: /srv/shop/docker-compose.yml could not be read (/srv/shop/docker-compose.yml is not readable), so its settings are listed as advice instead of an override file.',
    );
    expect(p.manual.map((m) => m.text)).toContain('Compose project shop, service web: set cap_drop: ["ALL"].');
  });

  it('treats an override the project already runs with as its own, not as a base file', () => {
    const first = plan(facts()).files.filter((f) => f.artifact === 'compose-override');
    const again = plan(
      facts([
        { path: '/srv/shop/docker-compose.yml', content: first[1].after },
        { path: OVERRIDE, content: first[0].after },
      ]),
      { compose: {} },
    );
    expect(again.files.filter((f) => f.artifact === 'compose-override').map((f) => [f.path, f.kind])).toEqual([[OVERRIDE, 'unchanged']]);
  });

  it('plans a --compose file of a running project from the engine only', () => {
    const projects = fileProjects([{ path: '/srv/shop/docker-compose.yml', content: BASE }]);
    const p = plan(facts(), { compose: { projects, existing: { [OVERRIDE]: null } } });
    expect(p.files.filter((f) => f.path === OVERRIDE)).toHaveLength(1);
    expect(p.manual.map((m) => m.text)).toContain(
      "/srv/shop/docker-compose.yml belongs to the running Compose project shop; it is planned from that project's containers.",
    );
  });

  it('asks for a hand edit where the value to remove comes from an anchor', () => {
    const anchored = `x-base: &base\n  cap_add: [ALL]\nservices:\n  web:\n    <<: *base\n    image: shop/web:3\n`;
    const p = plan(facts([{ path: '/srv/shop/docker-compose.yml', content: anchored }]));
    expect(p.files.filter((f) => f.path === '/srv/shop/docker-compose.yml')).toEqual([]);
    expect(p.manual.map((m) => m.text)).toContain(
      'Compose service shop/web: make this change by hand (cap_add ALL removed); no config file holds the value as a plain entry (an anchor, extends or an environment variable sets it).',
    );
  });
});
