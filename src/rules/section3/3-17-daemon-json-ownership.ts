// CIS 3.17: daemon.json (the file dockerd reads) belongs to root:root.
import { ownershipRule } from './support.js';

export const daemonJsonOwnershipRule = ownershipRule({
  id: '3.17',
  title: 'Ensure that the daemon.json file ownership is set to root:root',
  level: 2,
  severity: 'high',
  rationale: 'daemon.json sets the daemon-wide security options; its owner can turn them off.',
  impact: 'None expected.',
  remediation: 'chown root:root /etc/docker/daemon.json (or the --config-file path).',
  references: ['CIS Docker Benchmark v1.8.0, 3.17'],
  group: 'root',
  targets: (facts) => {
    // A rootless daemon reads its user's ~/.config/docker/daemon.json: root-owned, the user could not edit it.
    const d = facts.dockerd;
    if (d?.rootless) {
      return {
        status: 'not-applicable',
        message: `The daemon runs rootless (uid ${d.uid ?? 'unknown'}), so ${facts.daemonJson.path} belongs to its user, not to root.`,
        evidence: [{ kind: 'process', detail: `dockerd pid ${d.pid} is rootless`, path: facts.daemonJson.path }],
      };
    }
    return [{ path: facts.daemonJson.path, source: 'the daemon configuration file dockerd reads' }];
  },
});
