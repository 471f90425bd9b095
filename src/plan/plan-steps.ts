// The ordered commands that make written files take effect. SIGHUP where every changed
// daemon.json key is reloadable, else a restart, announced with what it stops.
import type { HostFacts } from '../facts/host-facts.js';
import { effectiveConfig } from '../facts/effective-config.js';
import { isReloadable } from '../artifacts/daemon-keys.js';
import { dropInPath } from '../artifacts/systemd-paths.js';
import type { FileChange, PlanNote, PlanStep } from './plan.js';

export interface StepsInput {
  facts: HostFacts;
  files: FileChange[];
  daemonJsonChangedKeys: string[];
}

export interface StepsResult {
  steps: PlanStep[];
  warnings: PlanNote[];
  manual: PlanNote[];
}

const step = (id: string, description: string, command: string[], reason: string): PlanStep => ({ id, description, command, when: 'after-files', reason });

export function planSteps({ facts, files, daemonJsonChangedKeys }: StepsInput): StepsResult {
  const out: StepsResult = { steps: [], warnings: [], manual: [] };
  const changed = (pred: (f: FileChange) => boolean) => files.some((f) => f.kind !== 'unchanged' && pred(f));
  const serviceDropIn = changed((f) => f.path === dropInPath('docker.service'));
  const socketDropIn = changed((f) => f.path === dropInPath('docker.socket'));
  const daemonJson = changed((f) => f.artifact === 'daemon-json') && daemonJsonChangedKeys.length > 0;

  if (serviceDropIn || socketDropIn) {
    out.steps.push(step('systemd-daemon-reload', 'Reload systemd unit files', ['systemctl', 'daemon-reload'], 'systemd reads changed drop-ins only after a daemon-reload.'));
  }
  const audit = files.find((f) => f.artifact === 'audit-rules' && f.kind !== 'unchanged');
  if (audit && facts.audit.loadedRules === null && facts.probes.audit?.status === 'missing') {
    out.manual.push({ text: `auditctl was not found: install auditd (e.g. apt-get install auditd); ${audit.path} loads when it starts.` });
  } else if (audit) {
    out.steps.push(step('audit-load', 'Load the audit rules', ['augenrules', '--load'],
      `merges /etc/audit/rules.d into /etc/audit/audit.rules and loads it; where augenrules is missing, run \`auditctl -R ${audit.path}\` instead (not knowable from saved facts). In immutable mode (-e 2) a reboot is needed.`));
  }

  const restart = serviceDropIn || socketDropIn || (daemonJson && !daemonJsonChangedKeys.every(isReloadable));
  const reload = daemonJson && !restart;
  const liveRestore = effectiveConfig(facts).get('live-restore')?.value === true;
  const addsLiveRestore = daemonJsonChangedKeys.includes('live-restore') && !liveRestore;
  const running = (facts.engine?.containers ?? []).filter((c) => c.State?.Running === true).length;
  const unit = facts.systemd.service;

  if (!unit) {
    if (reload && facts.dockerd) {
      out.steps.push(step('dockerd-reload', 'Reload the dockerd configuration', ['kill', '-s', 'HUP', String(facts.dockerd.pid)], 'every changed daemon.json key is reloadable, and dockerd is not run by systemd here.'));
    } else if ((reload || restart) && dockerNotInstalled(facts)) {
      // Provisioning before Docker is installed: the daemon reads the file at its first start.
      out.manual.push({ text: 'Docker is not installed yet: dockerd reads the new daemon.json when it first starts, so nothing needs restarting.' });
    } else if (reload || restart) {
      out.manual.push({ text: `Restart dockerd the way this host runs it (no docker.service was found) so the new ${reload ? 'daemon.json' : 'configuration'} takes effect.` });
    }
    return out;
  }
  if (reload) {
    out.steps.push(step('docker-reload', 'Reload dockerd (SIGHUP)', ['systemctl', 'reload', 'docker'], `every changed daemon.json key (${daemonJsonChangedKeys.join(', ')}) is reloadable; running containers keep running.`));
    return out;
  }
  if (!restart) return out;
  if (addsLiveRestore) {
    // live-restore is reloadable: turning it on first lets running containers survive the restart.
    out.steps.push(step('docker-reload-live-restore', 'Turn on live-restore before the restart', ['systemctl', 'reload', 'docker'], 'live-restore applies on SIGHUP, so containers keep running through the restart that follows.'));
  }
  if (socketDropIn) {
    out.steps.push(step('docker-socket-restart', 'Restart docker.socket and docker.service', ['systemctl', 'restart', 'docker.socket', 'docker.service'],
      'the socket is created again with its new owner and mode; docker.service holds it, so both restart in one transaction (restarting docker.socket alone is refused while docker.service runs).'));
  } else {
    const keys = daemonJsonChangedKeys.filter((k) => !isReloadable(k));
    const why = serviceDropIn ? 'docker.service gets a new ExecStart' : `daemon.json keys that need a restart changed (${keys.join(', ')})`;
    out.steps.push(step('docker-restart', 'Restart dockerd', ['systemctl', 'restart', 'docker'], `${why}.`));
  }
  if (!liveRestore && !addsLiveRestore) {
    out.warnings.push({ text: `Restarting docker stops every running container (${running} running now) because live-restore is not active; plan a maintenance window.` });
  }
  return out;
}

/** No dockerd running, no unit, and no dockerd binary in the usual places: provisioning ahead of the install. */
function dockerNotInstalled(facts: HostFacts): boolean {
  if (facts.dockerd || facts.systemd.service) return false;
  const binaries = Object.entries(facts.files).filter(([p]) => /\/dockerd$/.test(p));
  return binaries.length > 0 && binaries.every(([, st]) => !st.exists);
}
