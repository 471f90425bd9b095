// The ordered commands that make written files take effect. A reload is SIGHUP to the daemon's
// own pid (what every manager's "reload" does for dockerd); a restart goes through whatever runs
// the daemon (systemd, OpenRC, sysvinit), and a daemon started by hand gets an instruction.
import type { HostFacts } from '../facts/host-facts.js';
import { effectiveConfig } from '../facts/effective-config.js';
import { parseAuditRules } from '../facts/audit-rule-parser.js';
import { isReloadable } from '../artifacts/daemon-keys.js';
import { dropInPath } from '../artifacts/systemd-paths.js';
import { daemonManager, reloadCommand, restartCommand, type DaemonManager } from './daemon-manager.js';
import type { FileChange, PlanNote, PlanStep } from '../plan-model/plan.js';

export interface StepsInput {
  facts: HostFacts;
  files: FileChange[];
  daemonJsonChangedKeys: string[];
  /** Steps that make files the new configuration needs (TLS certificates): first, before any restart. */
  before?: PlanStep[];
}

export interface StepsResult {
  steps: PlanStep[];
  warnings: PlanNote[];
  manual: PlanNote[];
}

const ruleLines = (text: string | null): string =>
  parseAuditRules(text ?? '')
    .map((r) => r.raw)
    .join('\n');

const step = (id: string, description: string, command: string[], reason: string): PlanStep => ({ id, description, command, when: 'after-files', reason });

export function planSteps({ facts, files, daemonJsonChangedKeys, before = [] }: StepsInput): StepsResult {
  const out: StepsResult = { steps: [...before], warnings: [], manual: [] };
  const changed = (pred: (f: FileChange) => boolean) => files.some((f) => f.kind !== 'unchanged' && pred(f));
  const serviceDropIn = changed((f) => f.path === dropInPath('docker.service'));
  const socketDropIn = changed((f) => f.path === dropInPath('docker.socket'));
  const daemonJson = changed((f) => f.artifact === 'daemon-json') && daemonJsonChangedKeys.length > 0;
  const manager = daemonManager(facts);
  const systemd = manager.kind === 'systemd' || manager.kind === 'systemd-user';

  if ((serviceDropIn || socketDropIn) && systemd) {
    out.steps.push(
      step(
        'systemd-daemon-reload',
        'Reload systemd unit files',
        ['systemctl', ...(manager.kind === 'systemd-user' ? ['--user'] : []), 'daemon-reload'],
        'systemd reads changed drop-ins only after a daemon-reload.',
      ),
    );
  }
  // Loading matters only when a rule line changed: a new header or comment loads nothing new.
  const audit = files.find((f) => f.artifact === 'audit-rules' && f.kind !== 'unchanged' && ruleLines(f.before) !== ruleLines(f.after));
  if (audit && facts.audit.loadedRules === null && facts.probes.audit?.status === 'missing') {
    out.manual.push({ paths: [audit.path], text: `auditctl was not found: install auditd (e.g. apt-get install auditd); ${audit.path} loads when it starts.` });
  } else if (audit) {
    out.steps.push(
      step(
        'audit-load',
        'Load the audit rules',
        ['augenrules', '--load'],
        `merges /etc/audit/rules.d into /etc/audit/audit.rules and loads it; where augenrules is missing, run \`auditctl -R ${audit.path}\` instead (not knowable from saved facts). In immutable mode (-e 2) a reboot is needed.`,
      ),
    );
  }

  // dockerd reads the -H values of its environment file (DOCKER_OPTS) only when it starts.
  const envFile = changed((f) => f.artifact === 'dockerd-env');
  const restart = serviceDropIn || socketDropIn || envFile || (daemonJson && !daemonJsonChangedKeys.every(isReloadable));
  const reload = daemonJson && !restart;
  if (!reload && !restart) return out;
  if (dockerNotInstalled(facts)) {
    // Provisioning before Docker is installed: the daemon reads the file at its first start.
    out.manual.push({ text: 'Docker is not installed yet: dockerd reads the new daemon.json when it first starts, so nothing needs restarting.' });
    return out;
  }
  if (reload) {
    const hup = reloadCommand(facts, manager);
    if (hup)
      out.steps.push(
        step(
          'docker-reload',
          'Reload dockerd (SIGHUP)',
          hup,
          `every changed daemon.json key (${daemonJsonChangedKeys.join(', ')}) is reloadable; running containers keep running.`,
        ),
      );
    else out.manual.push({ text: manualText(manager, 'reload', facts) });
    return out;
  }
  planRestart(out, facts, manager, { socketDropIn, serviceDropIn, daemonJsonChangedKeys });
  return out;
}

function planRestart(
  out: StepsResult,
  facts: HostFacts,
  manager: DaemonManager,
  why: { socketDropIn: boolean; serviceDropIn: boolean; daemonJsonChangedKeys: string[] },
): void {
  const liveRestore = effectiveConfig(facts).get('live-restore')?.value === true;
  const addsLiveRestore = why.daemonJsonChangedKeys.includes('live-restore') && !liveRestore;
  const running = (facts.engine?.containers ?? []).filter((c) => c.State?.Running === true).length;
  const command = restartCommand(manager, why.socketDropIn);
  if (!command) {
    out.manual.push({ text: manualText(manager, 'restart', facts) });
    return;
  }
  const hup = addsLiveRestore ? reloadCommand(facts, manager) : null;
  if (hup) {
    // live-restore is reloadable: turning it on first lets running containers survive the restart.
    out.steps.push(
      step(
        'docker-reload-live-restore',
        'Turn on live-restore before the restart',
        hup,
        'live-restore applies on SIGHUP, so containers keep running through the restart that follows.',
      ),
    );
  }
  if (why.socketDropIn) {
    out.steps.push(
      step(
        'docker-socket-restart',
        'Restart docker.socket and docker.service',
        command,
        'the socket is created again with its new owner and mode; docker.service holds it, so both restart in one transaction (restarting docker.socket alone is refused while docker.service runs).',
      ),
    );
  } else {
    const keys = why.daemonJsonChangedKeys.filter((k) => !isReloadable(k));
    const reason = why.serviceDropIn
      ? 'docker.service gets a new ExecStart'
      : keys.length > 0
        ? `daemon.json keys that need a restart changed (${keys.join(', ')})`
        : 'the flags in its environment file changed';
    out.steps.push(step('docker-restart', 'Restart dockerd', command, `${reason}.`));
  }
  if (!liveRestore && !hup) {
    out.warnings.push({
      text: `Restarting docker stops every running container (${running} running now) because live-restore is not active; plan a maintenance window.`,
    });
  }
}

/** What a person does where no command can: a daemon started by hand, or one whose pid is unknown. */
function manualText(manager: DaemonManager, what: 'reload' | 'restart', facts: HostFacts): string {
  const pid = facts.dockerd?.pid;
  if (what === 'reload') {
    if (facts.probes.dockerdProcess?.status === 'not-running')
      return 'dockerd is not running here: it reads the new daemon.json when it starts, so nothing needs reloading.';
    return 'The pid of dockerd is not known from these facts: reload it with `kill -s HUP <pid of dockerd>` so the new daemon.json takes effect.';
  }
  const started =
    manager.kind === 'manual' && pid !== undefined
      ? `dockerd (pid ${pid}) was started by hand, not by a service manager`
      : 'no service manager is known to run dockerd here';
  return `${started}: restart it the way it was started (stop it${pid !== undefined ? ` with \`kill -s TERM ${pid}\`` : ''}, then start it again with the same command line) so the new configuration takes effect.`;
}

/** No dockerd running, no unit, and no dockerd binary in the usual places: provisioning ahead of the install. */
function dockerNotInstalled(facts: HostFacts): boolean {
  if (facts.dockerd || facts.systemd.service) return false;
  const binaries = Object.entries(facts.files).filter(([p]) => /\/dockerd$/.test(p));
  return binaries.length > 0 && binaries.every(([, st]) => !st.exists);
}
