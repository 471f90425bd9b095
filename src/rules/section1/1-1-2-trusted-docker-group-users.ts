// CIS 1.1.2: members of the docker group control a root daemon. Who is trusted is a human call,
// so a non-empty group is listed for review, never passed or failed; only an empty group passes.
import type { Rule } from '../rule.js';

export const trustedDockerGroupUsersRule: Rule = {
  id: '1.1.2',
  aliases: { '1.7.0': '1.1.2', '1.6.0': '1.1.2' },
  title: 'Ensure only trusted users are allowed to control Docker daemon',
  section: 1,
  level: 1,
  automated: false,
  checks: 'manual',
  severity: 'high',
  rationale: 'The docker group can use the Docker socket, which is equivalent to root on the host (e.g. by bind-mounting / into a container).',
  impact: 'Users removed from the docker group can no longer run docker without sudo.',
  remediation: 'Review the members of the docker group and remove every user who should not have root on this host: "gpasswd -d <user> docker".',
  references: ['CIS Docker Benchmark v1.8.0, 1.1.2', 'https://docs.docker.com/engine/security/#docker-daemon-attack-surface'],
  check(facts) {
    const members = facts.dockerGroupMembers;
    if (members === null) {
      const probe = facts.probes.users;
      const why = probe ? `${probe.status}${probe.message ? `: ${probe.message}` : ''}` : 'not collected';
      // Still a review item: the operator can list the group even where the probe could not.
      return [
        {
          status: 'manual',
          message: 'Review the docker group members ("getent group docker"): the users probe did not report them.',
          evidence: [{ kind: 'probe', detail: `users probe ${why}` }],
        },
      ];
    }
    if (members.length === 0) {
      return [
        {
          status: 'pass',
          message: 'The docker group has no members, so only root can use the Docker socket.',
          evidence: [{ kind: 'group', detail: 'docker group: no members' }],
        },
      ];
    }
    return [
      {
        status: 'manual',
        message: `Confirm that each docker group member (${members.join(', ')}) is trusted with root on this host.`,
        evidence: [{ kind: 'group', detail: `docker group members: ${members.join(', ')}` }],
      },
    ];
  },
};
