// The create request built from a real container, sent to the private engine: the new container
// keeps what the old one was made with and changes only what the profile hardens, it answers
// HTTP hardened, and the audit passes the items the step says it closes.
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EngineObject, HostFacts } from '../../../src/facts/host-facts.js';
import { inspectHost } from '../../../src/probes/inspect-host.js';
import { DEFAULT_PARAMS } from '../../../src/rules/params.js';
import { section5Rules } from '../../../src/rules/section5/index.js';
import { planRecreates } from '../../../src/plan/recreate/plan-recreates.js';
import type { RecreateStep } from '../../../src/plan-model/recreate.js';
import { describeEngine } from '../../support/engine.js';
import { docker } from '../../support/private-engine.js';

function api(socket: string, method: string, url: string, body?: unknown): Promise<{ status: number; json: EngineObject }> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      { socketPath: socket, path: url, method, headers: payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          resolve({ status: res.statusCode ?? 0, json: text ? (JSON.parse(text) as EngineObject) : {} });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

function httpGet(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/', timeout: 3000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
  });
}

describeEngine('a recreate body from a real container', (engine) => {
  const tag = `rc${Date.now().toString(36)}`;
  const name = `${tag}-web`;
  const copyName = `${tag}-web-copy`;
  const net = `${tag}-net`;
  const port = 18400 + Math.floor(Math.random() * 500);
  const root = mkdtempSync(path.join(os.tmpdir(), 'dh-rc-root-'));
  const inspect = (n: string) => JSON.parse(docker(engine, ['inspect', n]))[0] as EngineObject;
  let facts: HostFacts;
  let step: RecreateStep;

  beforeAll(async () => {
    docker(engine, ['network', 'create', net]);
    // The sandbox cannot grant SYS_RESOURCE, so "all capabilities" is ALL less that one.
    docker(engine, [
      'run',
      '-d',
      '--name',
      name,
      '--cap-add',
      'ALL',
      '--cap-drop',
      'SYS_RESOURCE',
      '--network',
      net,
      '--network-alias',
      'web-alias',
      '-p',
      `0.0.0.0:${port}:8080`,
      '-v',
      `${tag}-data:/data`,
      '-v',
      '/anon',
      '-e',
      'FOO=bar',
      '-w',
      '/www',
      '--label',
      'keep=me',
      '--dns',
      '192.0.2.53',
      '--add-host',
      'peer:192.0.2.7',
      '--ulimit',
      'nofile=1024:2048',
      '--health-cmd',
      'true',
      '--health-interval',
      '2s',
      '--log-opt',
      'max-size=1m',
      '--restart',
      'always',
      '--entrypoint',
      'sh',
      engine.image,
      '-c',
      'echo hi > /data/index.html && exec httpd -f -p 8080 -h /data',
    ]);
    facts = await inspectHost({ root, dockerHost: engine.host });
    const params = { ...DEFAULT_PARAMS, recreate: 'standalone' as const };
    const planned = planRecreates(facts, new Set(section5Rules.map((r) => r.id)), params, { names: [name] });
    step = planned.steps[0];
  }, 60_000);

  afterAll(() => {
    for (const c of [name, copyName]) {
      try {
        docker(engine, ['rm', '-f', '-v', c]);
      } catch {}
    }
    for (const args of [
      ['network', 'rm', net],
      ['volume', 'rm', `${tag}-data`],
    ]) {
      try {
        docker(engine, args);
      } catch {}
    }
    rmSync(root, { recursive: true, force: true });
  });

  it('keeps what it was made with and hardens the rest, and the engine accepts it', async () => {
    expect(step?.container.name).toBe(name);
    const apiVersion = String(facts.engine!.version.ApiVersion);
    const made = await api(engine.socket, 'POST', `/v${apiVersion}/containers/create?name=${copyName}`, step.create);
    expect(made.status, JSON.stringify(made.json)).toBe(201);
    for (const [network, config] of Object.entries(step.networks)) {
      const joined = await api(engine.socket, 'POST', `/v${apiVersion}/networks/${network}/connect`, { Container: copyName, EndpointConfig: config });
      expect(joined.status).toBe(200);
    }
    const old = inspect(name);
    const copy = inspect(copyName);
    // Kept: the image by id, the command, the environment, volumes by name (the anonymous one too), networks and more.
    expect(copy.Image).toBe(old.Image);
    for (const key of ['Entrypoint', 'Cmd', 'Env', 'User', 'WorkingDir', 'Labels', 'Healthcheck', 'ExposedPorts'])
      expect(copy.Config[key], key).toEqual(old.Config[key]);
    for (const key of ['Dns', 'ExtraHosts', 'Ulimits', 'LogConfig', 'NetworkMode']) expect(copy.HostConfig[key], key).toEqual(old.HostConfig[key]);
    const volumes = (c: EngineObject) =>
      c.Mounts.filter((m: EngineObject) => m.Type === 'volume')
        .map((m: EngineObject) => `${m.Name}:${m.Destination}`)
        .sort();
    expect(volumes(copy)).toEqual(volumes(old));
    expect(volumes(old)).toHaveLength(2);
    expect(copy.NetworkSettings.Networks[net].Aliases).toContain('web-alias');
    // Hardened.
    expect(copy.HostConfig.CapDrop).toEqual(['ALL']);
    expect(copy.HostConfig.CapAdd ?? []).not.toContain('ALL');
    expect(copy.HostConfig.ReadonlyRootfs).toBe(true);
    expect(Object.keys(copy.HostConfig.Tmpfs)).toEqual(['/run', '/tmp']);
    expect(copy.HostConfig.SecurityOpt).toContain('no-new-privileges=true');
    expect(copy.HostConfig.PidsLimit).toBe(256);
    expect(copy.HostConfig.Memory).toBe(512 * 1024 * 1024);
    expect(copy.HostConfig.RestartPolicy).toEqual({ Name: 'on-failure', MaximumRetryCount: 5 });
    expect(copy.HostConfig.PortBindings['8080/tcp']).toEqual([{ HostIp: '127.0.0.1', HostPort: String(port) }]);
    expect(step.closes).toEqual(expect.arrayContaining(['5.4', '5.11', '5.13', '5.14', '5.15', '5.26', '5.29']));
  }, 60_000);

  it('runs hardened, answers HTTP, and the audit passes what the step closes', async () => {
    docker(engine, ['stop', '-t', '1', name]);
    docker(engine, ['start', copyName]);
    const after = await inspectHost({ root, dockerHost: engine.host });
    const ran = inspect(copyName);
    expect(ran.State.Running).toBe(true);
    for (const id of step.closes) {
      const result = section5Rules
        .find((r) => r.id === id)!
        .check(after)
        .find((r) => r.subject?.container === copyName);
      expect(`${id}: ${result?.status}`).toBe(`${id}: pass`);
    }
    // It still serves, from the named volume it writes its page to under a read-only root.
    let answer = 0;
    for (let i = 0; i < 30 && answer === 0; i++) {
      answer = await httpGet(port).catch(() => 0);
      if (answer === 0) await new Promise((r) => setTimeout(r, 200));
    }
    expect(answer).toBe(200);
    expect(inspect(copyName).State.Running).toBe(true);
  }, 60_000);
  it('moves a host-network server onto its own network, publishing the port it declares on bindHostIp', async () => {
    const hostName = `${tag}-hostnet`;
    const hostPort = port + 1;
    try {
      docker(engine, ['run', '-d', '--name', hostName, '--network', 'host', '--expose', String(hostPort), engine.image, 'httpd', '-f', '-p', String(hostPort)]);
      const hostFacts = await inspectHost({ root, dockerHost: engine.host });
      const params = { ...DEFAULT_PARAMS, recreate: 'standalone' as const };
      const [moved] = planRecreates(hostFacts, new Set(['5.10']), params, { names: [hostName] }).steps;
      expect(moved.closes).toEqual(['5.10']);
      expect(moved.createNetworks).toEqual([`${hostName}-net`]);
      // What apply does before create: make the network the step names.
      docker(engine, ['network', 'create', `${hostName}-net`]);
      docker(engine, ['stop', '-t', '1', hostName]);
      docker(engine, ['rm', hostName]);
      const apiVersion = String(hostFacts.engine!.version.ApiVersion);
      const made = await api(engine.socket, 'POST', `/v${apiVersion}/containers/create?name=${hostName}`, moved.create);
      expect(made.status, JSON.stringify(made.json)).toBe(201);
      docker(engine, ['start', hostName]);
      const ran = inspect(hostName);
      expect(ran.HostConfig.NetworkMode).toBe(`${hostName}-net`);
      expect(ran.Config.Hostname).not.toBe(os.hostname());
      let answer = 0;
      for (let i = 0; i < 30 && answer === 0; i++) {
        answer = await httpGet(hostPort).catch(() => 0);
        if (answer === 0) await new Promise((r) => setTimeout(r, 200));
      }
      // busybox httpd answers 404 for a directory without index.html: an answer through the published port.
      expect(answer).toBe(404);
    } finally {
      for (const args of [
        ['rm', '-f', hostName],
        ['network', 'rm', `${hostName}-net`],
      ]) {
        try {
          docker(engine, args);
        } catch {}
      }
    }
  }, 60_000);
});
