// Gather HostFacts: every probe runs concurrently, starting as soon as the facts it depends on are
// in (daemon.json needs dockerd's --config-file; the file list needs the data root). A probe that
// fails records its status instead of throwing, so a host without Docker still yields facts.
import path from 'node:path';
import { FACTS_SCHEMA_VERSION, type DaemonIdentity, type HostFacts, type ProbeName, type ProbeStatus } from '../facts/host-facts.js';
import { emptyFacts } from '../facts/empty-facts.js';
import { dockerdArgs, effectiveConfig } from '../facts/effective-config.js';
import { splitCommandLine } from '../facts/dockerd-flags.js';
import { effectiveExecStart, effectiveValues } from '../facts/systemd-unit.js';
import { parseDockerHost, withClientTls, type Endpoint } from './docker-host.js';
import { oneLine, probed, type Probed } from './probe.js';
import { readHostText } from './host-fs.js';
import { readAccounts } from './accounts.js';
import { localHostReader, type HostReader } from './host-reader.js';
import { probeEngine } from './engine-probe.js';
import { probeDockerdProcess } from './dockerd-process-probe.js';
import { probeSystemd } from './systemd-probe.js';
import { probeEnvFiles } from './env-files-probe.js';
import { daemonJsonPath, probeDaemonJson } from './daemon-json-probe.js';
import { probeAudit } from './audit-probe.js';
import { probeCompose } from './compose-probe.js';
import { probeUsers } from './users-probe.js';
import { probeMounts } from './mounts-probe.js';
import { probeFiles } from './files-probe.js';
import { cisPaths, unixSockets, type PathContext } from './file-paths.js';
import { probeContentTrust } from './content-trust-probe.js';
import { probeContainerd } from './containerd-probe.js';
import { probeImageScans } from './deep-image-probe.js';
import { probeDaemonPrerequisites } from './daemon-prerequisites-probe.js';
import { probeHostAddresses } from './host-addresses-probe.js';
import { probeTlsCertificates } from './tls-certificates-probe.js';

export const PROBE_ORDER: ProbeName[] = ['engine', 'dockerdProcess', 'daemonJson', 'systemd', 'envFiles', 'files', 'audit', 'compose', 'users', 'mounts'];

export interface InspectHostOptions {
  root: string;
  /** unix:///path or tcp://host:port; anything else is a UserError. */
  dockerHost: string;
  env?: NodeJS.ProcessEnv;
  /** Also scan the images containers use for setuid/setgid files (starts one throwaway container per image). */
  deep?: boolean;
  /** Called as each probe finishes, so a screen can show progress before all facts are in. */
  onProbe?(name: ProbeName, status: ProbeStatus): void;
  /** Another host to read instead of this machine (remote/inspect-remote.ts), with its own engine endpoint. */
  host?: { reader: HostReader; endpoint: Endpoint };
}

export async function inspectHost(opts: InspectHostOptions): Promise<HostFacts> {
  const endpoint = opts.host?.endpoint ?? withClientTls(parseDockerHost(opts.dockerHost), opts.env ?? process.env);
  const reader = opts.host?.reader ?? localHostReader(path.resolve(opts.root), opts.env ?? process.env);
  const root = reader.root;
  const env = reader.env;
  const collectedAt = new Date().toISOString();
  const statuses: Partial<Record<ProbeName, ProbeStatus>> = {};
  const run = async <T>(name: ProbeName, fallback: T, probe: () => Promise<Probed<T>> | Probed<T>): Promise<T> => {
    try {
      const result = await probe();
      statuses[name] = result.status;
      opts.onProbe?.(name, result.status);
      return result.value;
    } catch (err) {
      statuses[name] = { status: 'error', message: oneLine(err) };
      opts.onProbe?.(name, statuses[name]!);
      return fallback;
    }
  };
  const base = emptyFacts({ root });

  const accounts = readAccounts(reader);
  const engine = run('engine', null, () => probeEngine(endpoint));
  let identity: DaemonIdentity = { status: 'unknown' };
  const dockerd = run('dockerdProcess', null, async () => {
    const found = await probeDockerdProcess({ root, endpoint, searchPath: env.PATH, host: reader });
    identity = found.identity;
    return found;
  });
  const systemd = run('systemd', base.systemd, () => probeSystemd(reader));
  const envFiles = systemd.then((s) => run('envFiles', base.envFiles, () => probeEnvFiles(reader, s.service)));
  // With several daemons and none tied to the endpoint, no daemon.json is the endpoint's: none is read.
  const daemonJson = Promise.all([dockerd, systemd, envFiles]).then(([d, s, e]) =>
    run('daemonJson', base.daemonJson, () =>
      identity.status === 'ambiguous'
        ? probed(base.daemonJson, 'error', `not read: ${identity.reason}`)
        : probeDaemonJson(reader, daemonJsonPath(dockerdArgs(emptyFacts({ dockerd: d, systemd: s, envFiles: e })).args, d?.defaultConfigFile)),
    ),
  );
  const audit = run('audit', base.audit, () => probeAudit(reader));
  const containerd = Promise.all([dockerd, daemonJson]).then(([d, dj]) =>
    run('containerd', null, () => probeContainerd(reader, { dockerd: d, daemonJson: dj })),
  );
  const compose = engine.then((e) => run('compose', [], () => probeCompose(reader, e)));
  const users = accounts.then((a) => run('users', null, () => probeUsers(a)));
  const context = Promise.all([engine, dockerd, systemd, envFiles, daemonJson, containerd]).then(([e, d, s, ef, dj, c]) => {
    try {
      return pathContext(emptyFacts({ engine: e, dockerd: d, systemd: s, envFiles: ef, daemonJson: dj, containerd: c }), endpoint);
    } catch {
      return pathContext(base, endpoint); // odd facts must not cost the file and mount probes
    }
  });
  // Compose config files are stat'ed too: a fix rewritten into one keeps its owner and mode.
  const files = Promise.all([context, accounts, compose]).then(([ctx, a, projects]) =>
    run('files', {}, () => probeFiles(reader, [...cisPaths(ctx), ...projects.flatMap((p) => p.configFiles.map((f) => f.path))], a)),
  );
  const mounts = context.then((ctx) => run('mounts', null, () => probeMounts(reader, ctx.dataRoot)));
  // Only where TLS is configured: other hosts' facts stay as they were.
  const tlsCertificates = context.then((ctx) =>
    ctx.tlsCertPaths?.length ? run('tlsCertificates', {}, () => probeTlsCertificates(reader, ctx.tlsCertPaths ?? [])) : undefined,
  );
  // After the engine probe, so the scan containers never show up among the host's own containers.
  const imageScans = opts.deep
    ? engine.then((e) => (e ? run('imageScans', undefined, () => probeImageScans(endpoint, e)) : undefined))
    : Promise.resolve(undefined);
  const prerequisites = accounts.then((a) => probeDaemonPrerequisites(reader, a)).catch(() => undefined);
  const hostAddresses = run('hostAddresses', null, () => probeHostAddresses(reader));
  const contentTrust = probeContentTrust(reader, env).catch(() => ({ env: env.DOCKER_CONTENT_TRUST ?? null, files: [] }));

  const facts: HostFacts = {
    schemaVersion: FACTS_SCHEMA_VERSION,
    source: 'host',
    ...(reader.remote ? { remote: reader.remote } : {}),
    collectedAt,
    root,
    hostname: await hostname(reader),
    probes: {},
    engine: await engine,
    daemonJson: await daemonJson,
    dockerd: await dockerd,
    containerd: await containerd,
    systemd: await systemd,
    envFiles: await envFiles,
    files: await files,
    audit: await audit,
    compose: await compose,
    dockerGroupMembers: await users,
    dataRootMount: await mounts,
    contentTrust: await contentTrust,
    // Set by the dockerdProcess probe, awaited above.
    daemonIdentity: identity,
    daemonPrerequisites: await prerequisites,
    hostAddresses: await hostAddresses,
    ...(await tlsCertificates.then((certs) => (certs ? { tlsCertificates: certs } : {}))),
  };
  const scans = await imageScans;
  if (facts.engine && scans) facts.engine.imageScans = scans;
  // containerd, like imageScans, is reported after the probes the wizard lists.
  for (const name of [...PROBE_ORDER, 'containerd' as const, 'imageScans' as const, 'hostAddresses' as const, 'tlsCertificates' as const])
    if (statuses[name]) facts.probes[name] = statuses[name];
  return facts;
}

/** Where the daemon keeps its files, from what the probes saw so far. */
export function pathContext(facts: HostFacts, endpoint: Endpoint): PathContext {
  const cfg = effectiveConfig(facts);
  const str = (key: string): string | undefined => {
    const v = cfg.get(key)?.value;
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  const { service, socket } = facts.systemd;
  const unitExec = service ? effectiveExecStart(service) : null;
  const unitDockerd = unitExec ? splitCommandLine(unitExec)[0] : undefined;
  const listen = socket ? effectiveValues(socket, 'Socket', 'ListenStream').filter((v) => v.startsWith('/')) : [];
  const containerd = str('containerd')?.replace(/^unix:\/\//, '');
  const tlsOn = [cfg.get('tls')?.value, cfg.get('tlsverify')?.value].includes(true);
  // dockerd (running as root) falls back to ~/.docker/{ca,cert,key}.pem when TLS is on.
  const tls = (key: string, file: string) => str(key) ?? (tlsOn ? `/root/.docker/${file}` : undefined);
  return {
    dockerdPaths: [facts.dockerd?.exe, unitDockerd].filter((p): p is string => !!p && p.startsWith('/')),
    dataRoot: (facts.engine?.info.DockerRootDir as string | undefined) || str('data-root') || str('graph') || '/var/lib/docker',
    daemonJsonPath: facts.daemonJson.path,
    unitPaths: [service, socket].flatMap((u) => (u ? [u.path, ...u.dropIns.map((d) => d.path)] : [])),
    socketPaths: [
      ...(endpoint.kind === 'unix' ? [endpoint.socketPath] : []),
      ...unixSockets(cfg.get('hosts')?.value),
      ...listen,
      ...(containerd ? [containerd] : []),
    ],
    containerdSockets: facts.containerd ? [facts.containerd.socket] : [],
    tlsPaths: [tls('tlscacert', 'ca.pem'), tls('tlscert', 'cert.pem'), tls('tlskey', 'key.pem')].filter((p): p is string => !!p),
    tlsCertPaths: [tls('tlscacert', 'ca.pem'), tls('tlscert', 'cert.pem')].filter((p): p is string => !!p),
  };
}

async function hostname(reader: HostReader): Promise<string> {
  if (reader.root === '/') return reader.hostname();
  // Under --root the inspected system is the one in the directory, not the machine running the tool.
  const read = await readHostText(reader, '/etc/hostname');
  return read.content?.trim() || reader.hostname();
}
