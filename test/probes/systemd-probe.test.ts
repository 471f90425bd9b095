// Unit and drop-in reading under a temp root, checked against systemd's own view of the same root
// (`systemd-analyze --root=DIR cat-config`), which lists the fragment and drop-ins it would use.
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { probeSystemd } from '../../src/probes/systemd-probe.js';
import { probeEnvFiles } from '../../src/probes/env-files-probe.js';
import { effectiveConfig } from '../../src/facts/effective-config.js';
import { emptyFacts } from '../../src/facts/empty-facts.js';
import { tempRoot, type TempRoot } from './temp-root.js';

const SERVICE =
  '[Unit]\nDescription=Docker\n\n[Service]\nType=notify\nEnvironmentFile=-/etc/default/docker\nExecStart=/usr/bin/dockerd -H fd:// $DOCKER_OPTS\n';
const SOCKET = '[Socket]\nListenStream=/run/docker.sock\nSocketMode=0660\nSocketGroup=docker\n';

let root: TempRoot;
afterEach(() => root?.remove());

/** The files systemd itself would read for a unit under `dir`, in order, as host paths. */
function systemdView(dir: string, unit: string): string[] {
  const out = execFileSync('systemd-analyze', [`--root=${dir}`, 'cat-config', `systemd/system/${unit}`], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((l) => l.startsWith(`# ${dir}/`))
    .map((l) => l.slice(`# ${dir}`.length));
}

describe('probeSystemd', () => {
  it('reads the fragment and every drop-in with systemd precedence', async () => {
    root = tempRoot();
    root.write('/lib/systemd/system/docker.service', SERVICE);
    root.write('/lib/systemd/system/docker.socket', SOCKET);
    root.write('/lib/systemd/system/docker.service.d/10-vendor.conf', '[Service]\nLimitNOFILE=1024\n');
    root.write('/lib/systemd/system/docker.service.d/50-hidden.conf', '[Service]\nExecStart=\nExecStart=/usr/bin/dockerd --hidden\n');
    // Same file name higher in the search path hides the vendor one.
    root.write('/etc/systemd/system/docker.service.d/50-hidden.conf', '[Service]\nExecStart=\nExecStart=/usr/bin/dockerd -H fd:// --icc=false $DOCKER_OPTS\n');
    root.write('/run/systemd/system/docker.service.d/20-runtime.conf', '[Service]\nEnvironment=EXTRA=1\n');
    root.write('/etc/systemd/system/docker.service.d/notes.txt', 'not a drop-in');
    root.write('/etc/default/docker', 'DOCKER_OPTS="--log-level=warn"\n');

    const { value, status } = await probeSystemd(root.dir);
    expect(status.status).toBe('ok');
    expect(value.service?.path).toBe('/lib/systemd/system/docker.service');
    expect(value.service?.content).toBe(SERVICE);
    expect(value.socket?.path).toBe('/lib/systemd/system/docker.socket');
    const ours = [value.service!.path, ...value.service!.dropIns.map((d) => d.path)];
    expect(ours).toEqual(systemdView(root.dir, 'docker.service'));
    expect(ours).toEqual([
      '/lib/systemd/system/docker.service',
      '/lib/systemd/system/docker.service.d/10-vendor.conf',
      '/run/systemd/system/docker.service.d/20-runtime.conf',
      '/etc/systemd/system/docker.service.d/50-hidden.conf',
    ]);

    // The facts feed the effective configuration: the drop-in's ExecStart, the env file's options.
    const envFiles = await probeEnvFiles(root.dir, value.service);
    const cfg = effectiveConfig(emptyFacts({ systemd: value, envFiles: envFiles.value }));
    expect(cfg.argsSource).toBe('systemd');
    expect(cfg.get('icc')?.value).toBe(false);
    expect(cfg.get('log-level')?.value).toBe('warn');
    expect(cfg.get('hidden')).toBeUndefined();
  });

  it('lets /etc/systemd/system override the packaged fragment', async () => {
    root = tempRoot();
    root.write('/usr/lib/systemd/system/docker.service', SERVICE);
    root.write('/etc/systemd/system/docker.service', SERVICE.replace('fd://', 'unix:///run/custom.sock'));
    const { value } = await probeSystemd(root.dir);
    expect(value.service?.path).toBe('/etc/systemd/system/docker.service');
    expect([value.service!.path]).toEqual(systemdView(root.dir, 'docker.service'));
    expect(value.socket).toBeNull();
  });

  it('reports a host without the units as missing', async () => {
    root = tempRoot();
    const result = await probeSystemd(root.dir);
    expect(result.status.status).toBe('missing');
    expect(result.value).toEqual({ service: null, socket: null });
  });
});
