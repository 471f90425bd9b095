// `ansible --inventory`: the hosts of an inventory inspected over SSH (a real sshd on loopback
// serving this machine and the private dockerd), one left out because its port is closed; the
// playbook's inventory keeps the user's names and variables, and ansible-playbook reaches the
// host through it over the same SSH.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describeEngine } from '../support/engine.js';
import { main } from '../../src/cli/main.js';
import { haveSshd, startSshd, type LoopbackSshd } from '../remote/loopback-sshd.js';
import { ANSIBLE_PLAYBOOK, requireAnsibleInCi, runPlaybook } from '../ansible/support.js';
import { PLAYBOOK_FILE } from '../../src/ansible/readme.js';

const PORT = 2224;

async function cli(argv: string[], env: Record<string, string> = {}) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const out: string[] = [];
  const err: string[] = [];
  try {
    const code = await main(argv, { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } as never);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    process.env = saved;
  }
}

describeEngine('ansible --inventory over SSH', (engine) => {
  let sshd: LoopbackSshd;
  let inventory: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    requireAnsibleInCi();
    if (!haveSshd) throw new Error('these tests need openssh-server (/usr/sbin/sshd) and root');
    sshd = await startSshd('127.0.0.2', PORT);
    inventory = path.join(sshd.dir, 'hosts.yml');
    writeFileSync(
      inventory,
      [
        'all:',
        '  vars:',
        '    ansible_user: root',
        '    ansible_python_interpreter: /usr/bin/python3',
        '  children:',
        '    docker:',
        '      hosts:',
        '        web:',
        '          ansible_host: 127.0.0.2',
        `          ansible_port: ${PORT}`,
        '        closed:',
        '          ansible_host: 127.0.0.2',
        '          ansible_port: 1',
      ].join('\n'),
    );
    env = { PATH: `${sshd.binDir}:${process.env.PATH}` };
  }, 60_000);
  afterAll(() => sshd?.stop());

  it('writes the playbook for the reachable host, names the one left out, and keeps the inventory variables', async () => {
    const dir = mkdtempSync(path.join(sshd.dir, 'play-'));
    const r = await cli(['ansible', '--profile', 'baseline', '--inventory', inventory, '--docker-host', engine.host, '-o', dir], env);
    expect(r.err).toContain(`closed is left out of the playbook: ssh://root@127.0.0.2:1 cannot be reached over SSH (connection refused).`);
    expect(r.err.split('\n').at(-1), r.err).toBe("1 of the inventory's hosts left out of the playbook (closed).");
    expect(r.code).toBe(1);
    expect(existsSync(path.join(dir, 'host_vars', 'web.yml'))).toBe(true);
    expect(existsSync(path.join(dir, 'host_vars', 'closed.yml'))).toBe(false);
    expect(readFileSync(path.join(dir, 'host_vars', 'web.yml'), 'utf8')).toMatch(/^docker_harden_plan:\n/m);
    expect(parseYaml(readFileSync(path.join(dir, 'inventory.yml'), 'utf8'))).toEqual({
      all: {
        children: {
          docker_harden: {
            hosts: { web: { ansible_user: 'root', ansible_python_interpreter: '/usr/bin/python3', ansible_host: '127.0.0.2', ansible_port: PORT } },
          },
        },
      },
    });

    const allowed = await cli(
      ['ansible', '--profile', 'baseline', '--inventory', inventory, '--docker-host', engine.host, '-o', dir, '--allow-unreachable'],
      env,
    );
    expect(allowed.code).toBe(0);

    if (!ANSIBLE_PLAYBOOK) return;
    // ansible-playbook reaches the host through the written inventory, over the same ssh.
    const savedPath = process.env.PATH;
    process.env.PATH = env.PATH;
    let check: ReturnType<typeof runPlaybook>;
    try {
      check = runPlaybook(dir, path.join(dir, 'inventory.yml'), path.join(dir, PLAYBOOK_FILE), '--check', '--diff');
    } finally {
      process.env.PATH = savedPath;
    }
    expect(check.recap.web, check.output.slice(-3000)).toMatchObject({ failed: 0 });
  }, 400_000);

  it('refuses --inventory with --from, with one sentence', async () => {
    const r = await cli(['ansible', '--profile', 'baseline', '--inventory', inventory, '--from', 'x.json', '-o', sshd.dir]);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe('docker-harden: --inventory names the hosts to inspect, so it cannot be combined with --from.');
  });
});
