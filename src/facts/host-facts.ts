// HostFacts: everything the probes saw, as plain JSON. Rules read only this, never the host.

import type { ScanFacts } from './scan-facts.js';

export const FACTS_SCHEMA_VERSION = 1;

export type ProbeState = 'ok' | 'missing' | 'permission-denied' | 'not-running' | 'error';

export interface ProbeStatus {
  status: ProbeState;
  message?: string;
}

/** Probe names used as keys of HostFacts.probes. */
export type ProbeName =
  | 'engine'
  | 'daemonJson'
  | 'dockerdProcess'
  | 'systemd'
  | 'envFiles'
  | 'files'
  | 'audit'
  | 'compose'
  | 'users'
  | 'mounts'
  /** The containerd dockerd started itself (dockerd 20.10 without --containerd). */
  | 'containerd'
  /** Only with --deep: the setuid/setgid scan of the images containers use. */
  | 'imageScans'
  /** The host's own IP addresses, for bindHostIp (5.14). */
  | 'hostAddresses'
  /** When the certificates named by tlscacert and tlscert expire (2.8). */
  | 'tlsCertificates';

export interface FileStat {
  exists: boolean;
  type?: 'file' | 'directory' | 'socket' | 'symlink' | 'other';
  /** Permission bits only (e.g. 0o644), as a number. */
  mode?: number;
  uid?: number;
  gid?: number;
  /** Names resolved through the root's /etc/passwd and /etc/group, when known. */
  owner?: string;
  group?: string;
  /** Set when stat failed for a reason other than absence. */
  error?: ProbeState;
  /** Where the path really is (host path) when a symlink lies on the way; the other fields describe that object. */
  realPath?: string;
}

export interface TextFile {
  path: string;
  content: string;
}

export interface SystemdUnitFacts {
  /** Path of the unit file (FragmentPath), relative to the host root ("/lib/systemd/system/docker.service"). */
  path: string;
  content: string;
  dropIns: TextFile[];
}

export interface JsonParseError {
  message: string;
  line: number;
  column: number;
}

export interface DaemonJsonFacts {
  /** The file dockerd uses: its --config-file, else /etc/docker/daemon.json. */
  path: string;
  raw: string | null;
  parsed: Record<string, unknown> | null;
  parseError?: JsonParseError;
}

export interface DockerdProcessFacts {
  pid: number;
  exe: string;
  argv: string[];
  /**
   * How this pid was tied to the endpoint: the kernel (the pid holds the listening socket's inode),
   * its -H/"hosts" flags, the default socket of a dockerd with no -H, or the only dockerd running.
   */
  identifiedBy?: 'socket-inode' | 'host-flag' | 'default-socket' | 'only-one';
  /** What starts and stops this daemon; decides how a restart is done. */
  manager?: ServiceManagerFacts;
  /** The daemon's own resource limits (/proc/<pid>/limits), by the kernel's names ("nofile", "nproc"); null = unlimited. */
  limits?: Record<string, { soft: number | null; hard: number | null }>;
  /** Capability sets from /proc/<pid>/status, as the kernel's hex masks ("000001ffffffffff"). */
  capabilities?: { effective: string; permitted: string; bounding: string };
  /** Real uid of the daemon (0 for rootful; a user's uid for rootless). */
  uid?: number;
  /** True for rootless Docker (dockerd run under rootlesskit, config under ~/.config/docker). */
  rootless?: boolean;
  /**
   * The daemon.json this dockerd reads when it has no --config-file: /etc/docker/daemon.json, or for
   * rootless Docker $XDG_CONFIG_HOME/docker/daemon.json of the daemon's user (~/.config by default).
   */
  defaultConfigFile?: string;
}

/** One line of /etc/subuid or /etc/subgid: the owner as written, resolved both ways through /etc/passwd. */
export interface SubordinateIdRange {
  owner: string;
  /** The user's name (when the line names a uid, resolved through /etc/passwd). */
  name?: string;
  /** The user's uid (when the line names a user, resolved through /etc/passwd). */
  uid?: number;
  start: number;
  count: number;
}

/** Host state that decides whether a daemon setting can work at all, read from the root and the kernel. */
export interface DaemonPrerequisites {
  /** Ranges in the root's /etc/subuid and /etc/subgid; null where the file is absent or unreadable. */
  subuid: SubordinateIdRange[] | null;
  subgid: SubordinateIdRange[] | null;
  /** br_netfilter is loaded (listed in /proc/modules or /proc/sys/net/bridge exists); null when not known (--root). */
  brNetfilter: boolean | null;
}

/**
 * The service manager that runs dockerd. 'manual' = started by hand (or by something we cannot
 * tell), so a restart is the operator's job and the tool only says how.
 */
export interface ServiceManagerFacts {
  kind: 'systemd' | 'systemd-user' | 'openrc' | 'sysvinit' | 'manual';
  /** The unit or service name it knows the daemon by ("docker.service", "docker"). */
  name?: string;
  /** Why this manager was chosen (e.g. "pid 1 is systemd and the pid is in docker.service's cgroup"). */
  evidence?: string;
}

/**
 * Whether the daemon behind the endpoint could be told apart. 'ambiguous': several dockerd run and
 * none can be tied to the endpoint, so no daemon-config file (daemon.json, drop-ins, audit watches on
 * its files) may be planned. 'not-running': no dockerd (provisioning), defaults apply.
 */
export interface DaemonIdentity {
  status: 'identified' | 'ambiguous' | 'not-running' | 'unknown';
  /** One sentence for the user. */
  reason?: string;
}

/** Engine data as the Engine API returns it (kept raw so evidence matches `docker inspect`). */
export type EngineObject = Record<string, any>;

export interface EngineFacts {
  host: string;
  version: EngineObject;
  info: EngineObject;
  /** Full inspect data of every container, running and stopped. */
  containers: EngineObject[];
  /** Image inspect data (Config.User, Config.Healthcheck, RepoTags, RepoDigests, ...) plus History. */
  images: EngineObject[];
  networks: EngineObject[];
  /** Only with --deep: what a throwaway container saw inside each image, keyed by image Id (sha256:...). */
  imageScans?: Record<string, ImageScan>;
}

export interface ImageScan {
  /** Regular files with the setuid or setgid bit, absolute paths inside the image, sorted. */
  setuidFiles: string[];
  /** Why the scan is missing or incomplete ("no find in the image", a timeout, unreadable directories). */
  error?: string;
}

export interface ComposeProjectFacts {
  name: string;
  workingDir: string | null;
  configFiles: { path: string; content: string | null; error?: string }[];
  /** Container names (without leading slash) that belong to the project, by service. */
  services: Record<string, string[]>;
}

export interface AuditFacts {
  /** Output lines of `auditctl -l`, or null where it could not run. */
  loadedRules: string[] | null;
  rulesFiles: TextFile[];
  /**
   * Where each path a rule names really is, keyed by the path as the parser reads it (/var/run as
   * /run): directories resolved under the root, the last component kept, as the kernel places a
   * watch. Absent in facts saved by older versions.
   */
  realPaths?: Record<string, string>;
}

/** The containerd dockerd runs as its own child, and the gRPC socket it serves. */
export interface ContainerdFacts {
  pid: number;
  /** The gRPC socket (host path). */
  socket: string;
  /** Its --config file, when it was started with one. */
  configPath?: string;
  /** How the socket was found: its --address, [grpc] address in its config, a listening socket it holds, or containerd's default. */
  source: 'command-line' | 'config' | 'listening-socket' | 'default';
}

export interface MountFacts {
  mountPoint: string;
  device: string;
  fsType: string;
  /**
   * The first mount point of the same filesystem (same device number). It differs from mountPoint
   * when that mount is a bind mount or subvolume of a filesystem mounted elsewhere (dockerd binds
   * its data root onto itself where / is not a shared mount): '/' then means the root filesystem.
   */
  filesystemMountPoint?: string;
}

export interface HostFacts {
  schemaVersion: typeof FACTS_SCHEMA_VERSION;
  source: 'host' | 'file';
  /** The host the facts were read from over SSH (ssh://user@host:port); absent for the machine that ran the tool. */
  remote?: string;
  collectedAt: string;
  /** The root every host file was read under ("/" normally, or --root). */
  root: string;
  hostname: string;
  probes: Partial<Record<ProbeName, ProbeStatus>>;
  engine: EngineFacts | null;
  daemonJson: DaemonJsonFacts;
  dockerd: DockerdProcessFacts | null;
  /** dockerd's own containerd; null when it has none (it uses --containerd or the system one); absent in older facts. */
  containerd?: ContainerdFacts | null;
  /** Absent in facts saved by older versions: read as 'unknown'. */
  daemonIdentity?: DaemonIdentity;
  /** Absent in facts saved by older versions: the guards that need it then say nothing. */
  daemonPrerequisites?: DaemonPrerequisites;
  systemd: { service: SystemdUnitFacts | null; socket: SystemdUnitFacts | null };
  /** /etc/default/docker and /etc/sysconfig/docker contents, null where absent. */
  envFiles: Record<string, string | null>;
  /** Owner/group/mode of every path that CIS section 1.1 and 3 talk about, keyed by absolute host path. */
  files: Record<string, FileStat>;
  audit: AuditFacts;
  compose: ComposeProjectFacts[];
  dockerGroupMembers: string[] | null;
  dataRootMount: MountFacts | null;
  /** Value of DOCKER_CONTENT_TRUST in the environment the tool ran in, and in /etc/environment or profile.d. */
  contentTrust: { env: string | null; files: TextFile[] };
  /** The host's own IP addresses (IPv4 dotted, IPv6 compressed); null where they could not be read; absent in older facts. */
  hostAddresses?: string[] | null;
  /** The certificates dockerd's tlscacert and tlscert name, by host path; absent in older facts. */
  tlsCertificates?: Record<string, TlsCertificateFacts>;
  /** Image scanner reports the audit was given (--scan-report, --scan), matched to the images in use (4.4). */
  scans?: ScanFacts;
}

/** A certificate's expiry (ISO 8601) and subject, or why it could not be read. */
export type TlsCertificateFacts = { notAfter: string; subject: string } | { error: string };
