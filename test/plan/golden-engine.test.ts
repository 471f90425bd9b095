// Every golden daemon.json on a real dockerd 20.10 (the engine of these machines): it must start
// with the file, and `docker info` must show the settings it reports. Keys are left out only where
// this private engine cannot take them, each for the reason given below.
import { expect, it } from 'vitest';
import { describeEngine } from '../support/engine.js';
import { docker, startPrivateEngine, stopPrivateEngine } from '../support/private-engine.js';
import { keyKnownTo } from '../../src/artifacts/daemon-keys.js';
import { parseEngineVersion } from '../../src/artifacts/engine-version.js';
import { HOSTS, PROFILES, planForHost } from '../e2e/support/hosts.js';

const ENGINE = parseEngineVersion('20.10.24')!;

/** Why the private engine cannot take a key as it is, or null. */
function leftOut(key: string, value: unknown): string | null {
  if (!keyKnownTo(key, ENGINE)) return 'only newer engines know it';
  // The harness gives its engine its own socket, data root and network setup as flags; the same
  // option in the file would be a flag/file duplicate, which dockerd refuses.
  if (['hosts', 'data-root', 'exec-root', 'pidfile', 'bridge', 'iptables', 'ip6tables', 'containerd-namespace'].includes(key))
    return 'the private engine sets it by flag';
  if (key === 'icc' && value === false)
    return 'dockerd refuses icc=false without iptables, which the private engine turns off so it never touches the host firewall';
  if (key === 'userns-remap')
    return "dockerd would add the dockremap user and subordinate id ranges to this machine's /etc/passwd, /etc/subuid and /etc/subgid";
  return null;
}

/** What `docker info` must say for a setting, where it says anything about it. */
function expectInfo(info: Record<string, any>, key: string, value: unknown): void {
  const trailing = (u: string) => (u.endsWith('/') ? u : `${u}/`);
  if (key === 'live-restore') expect(info.LiveRestoreEnabled, key).toBe(value);
  if (key === 'debug') expect(info.Debug, key).toBe(value);
  if (key === 'experimental') expect(info.ExperimentalBuild, key).toBe(value);
  if (key === 'log-driver') expect(info.LoggingDriver, key).toBe(value);
  if (key === 'storage-driver') expect(info.Driver, key).toBe(value);
  if (key === 'registry-mirrors') expect(info.RegistryConfig.Mirrors, key).toEqual((value as string[]).map(trailing));
  if (key === 'insecure-registries') expect(Object.keys(info.RegistryConfig.IndexConfigs), key).toEqual(expect.arrayContaining(value as string[]));
  // dockerd reports labels in no fixed order (it de-duplicates them through a map).
  if (key === 'labels') expect([...info.Labels].sort(), key).toEqual([...(value as string[])].sort());
}

const cases: [string, string][] = HOSTS.flatMap((host) => PROFILES.map((profile): [string, string] => [host, profile]));

describeEngine('golden daemon.json files on a real dockerd 20.10', () => {
  it.for(cases)('%s / %s: dockerd starts with it, and docker info shows its settings', { timeout: 90_000 }, async ([host, profile], { skip }) => {
    const { plan } = await planForHost(host, profile);
    const file = plan.files.find((f) => f.artifact === 'daemon-json' && f.after !== null);
    if (!file) return skip('this plan writes no daemon.json');
    const config = JSON.parse(file.after!) as Record<string, unknown>;
    const kept = Object.fromEntries(Object.entries(config).filter(([k, v]) => leftOut(k, v) === null));
    const skipped = Object.entries(config)
      .filter(([k, v]) => leftOut(k, v) !== null)
      .map(([k, v]) => `${k}: ${leftOut(k, v)}`);
    expect(Object.keys(kept).length, `left out ${skipped.join('; ')}`).toBeGreaterThan(0);
    // The file as written where nothing had to be left out, so its exact bytes are what dockerd reads.
    const engine = await startPrivateEngine({ daemonJson: skipped.length === 0 ? file.after! : kept, importImage: false });
    try {
      const info = JSON.parse(docker(engine!, ['info', '--format', '{{json .}}'])) as Record<string, any>;
      for (const [key, value] of Object.entries(kept)) expectInfo(info, key, value);
      expect(info.ServerVersion).toMatch(/^20\.10\./);
    } finally {
      await stopPrivateEngine(engine!);
    }
  });
});
