// HostFacts: everything the probes saw, as plain JSON. Rules read only this, never the host.

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
  /** Only with --deep: the setuid/setgid scan of the images containers use. */
  | 'imageScans';

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
  collectedAt: string;
  /** The root every host file was read under ("/" normally, or --root). */
  root: string;
  hostname: string;
  probes: Partial<Record<ProbeName, ProbeStatus>>;
  engine: EngineFacts | null;
  daemonJson: DaemonJsonFacts;
  dockerd: DockerdProcessFacts | null;
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
}
