// CIS 1.1.9: audit the Docker socket. v1.6.0 named the docker.socket unit file instead, so that
// file is watched too where the host has it (one result per path).
import type { Rule } from '../rule.js';
import { dockerSockets } from './docker-paths.js';
import { AUDIT_IMPACT, auditWatchRule } from './support.js';

export const auditDockerSockRule: Rule = auditWatchRule({
  id: '1.1.9',
  aliases: { '1.7.0': '1.1.9', '1.6.0': '1.1.9' },
  title: 'Ensure auditing is configured for Docker files and directories - docker.sock',
  level: 2,
  automated: true,
  severity: 'medium',
  rationale: 'Access to docker.sock is root access to the host; changes to the socket (owner, mode) must be on record.',
  impact: AUDIT_IMPACT,
  remediation:
    'Add "-w /run/docker.sock -p rwxa -k docker" (the socket dockerd listens on) and "-w <docker.socket unit path> -p rwxa -k docker" under /etc/audit/rules.d/, then "augenrules --load".',
  targets: (facts) => {
    const unit = facts.systemd.socket;
    return [...dockerSockets(facts), ...(unit ? [{ path: unit.path, source: 'docker.socket FragmentPath (the v1.6.0 item)' }] : [])];
  },
  ifExists: true,
});
