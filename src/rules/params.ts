// Profile parameters that rules' remediations read. The profile schema (profiles/) validates
// these names and types; defaults here are what `baseline` and `strict` start from.

export interface UlimitValue {
  soft: number;
  hard: number;
}

export interface HardeningParams {
  /** Key (-k) on every generated audit rule. */
  auditKey: string;
  /** Name of the generated rules file under /etc/audit/rules.d/. */
  auditRulesFile: string;
  /** json-file log rotation: log-opts max-size and max-file (strings, as dockerd requires). */
  logMaxSize: string;
  logMaxFile: string;
  /** daemon.json default-ulimits, by ulimit name. */
  defaultUlimits: Record<string, UlimitValue>;
  /** userns-remap value ("default" creates dockremap). */
  usernsRemap: string;
  /** Host IP that published ports are bound to. */
  bindHostIp: string;
  /** Per-container limits (docker run / compose syntax). */
  memoryLimit: string;
  pidsLimit: number;
  cpuShares: number;
  /** on-failure restart retries (CIS 5.15 asks for 5). */
  restartMaxRetries: number;
  /** Capabilities a service keeps after cap_drop ALL, by image name prefix. */
  capAddByImage: Record<string, string[]>;
  /** Healthcheck test commands to add, by image name prefix. */
  healthcheckByImage: Record<string, string[]>;
  /** Optional daemon-wide seccomp profile path (only written when the file exists). */
  seccompProfile: string | null;
  /** Authorization plugin name (only written when the plugin is installed). */
  authorizationPlugin: string | null;
  /** Export DOCKER_CONTENT_TRUST=1 for login shells via /etc/profile.d. */
  contentTrust: boolean;
  /** CIS 2.8 for a daemon on tcp://: stop listening there (remote access over SSH), or mutual TLS. */
  tcpRemedy: 'stop-listening' | 'mutual-tls';
  /** Where mutual TLS puts the CA, server and client certificates (made on the host). */
  tlsCertDir: string;
  /** Recreate standalone containers hardened, for what `docker update` cannot change (apply only, health-gated). */
  recreate: 'off' | 'standalone';
  /** How long a recreated container must keep running (and turn healthy, if it has a health check) before it is kept. */
  recreateGateSeconds: number;
  /** 4.4: an image with a vulnerability at or above this severity in its scan report fails. */
  scanSeverity: 'unknown' | 'low' | 'medium' | 'high' | 'critical';
  /** 4.4: a scan report older than this many days is a warning. */
  scanMaxAgeDays: number;
}

export const DEFAULT_PARAMS: HardeningParams = {
  auditKey: 'docker',
  auditRulesFile: 'docker.rules',
  logMaxSize: '10m',
  logMaxFile: '3',
  defaultUlimits: { nofile: { soft: 65536, hard: 65536 }, nproc: { soft: 4096, hard: 8192 } },
  usernsRemap: 'default',
  bindHostIp: '127.0.0.1',
  memoryLimit: '512m',
  pidsLimit: 256,
  cpuShares: 512,
  restartMaxRetries: 5,
  capAddByImage: {},
  healthcheckByImage: {},
  seccompProfile: null,
  authorizationPlugin: null,
  contentTrust: false,
  tcpRemedy: 'stop-listening',
  tlsCertDir: '/etc/docker/tls',
  recreate: 'off',
  recreateGateSeconds: 10,
  scanSeverity: 'high',
  scanMaxAgeDays: 7,
};
