// 7.5: with autolock, a restarted manager's Raft keys stay encrypted until an operator unlocks
// it, so a stolen disk does not hand over the cluster. Visible only on managers.
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult } from '../rule.js';
import { isManager, swarmInfo, swarmItem } from './support.js';

function check(facts: HostFacts): CheckResult[] {
  const encryption = swarmInfo(facts).Cluster?.Spec?.EncryptionConfig;
  if (!isManager(facts) || !encryption) {
    return [
      {
        status: 'manual',
        message: 'Autolock is visible only on a manager; run the check there.',
        evidence: [{ kind: 'command', detail: "docker info --format '{{.Swarm.Cluster.Spec.EncryptionConfig.AutoLockManagers}}'" }],
      },
    ];
  }
  const on = encryption.AutoLockManagers === true;
  const evidence = [{ kind: 'engine', detail: `docker info: Swarm.Cluster.Spec.EncryptionConfig.AutoLockManagers: ${on}` }];
  return on
    ? [{ status: 'pass', message: 'Swarm managers are auto-locked.', evidence }]
    : [{ status: 'fail', message: 'Swarm managers are not auto-locked: their Raft keys are readable from disk after a restart.', evidence }];
}

export const managerAutolock = swarmItem({
  id: '7.5',
  title: 'Ensure that swarm manager is run in auto-lock mode',
  severity: 'medium',
  rationale: "Without autolock the keys that decrypt the Raft log (with every secret and certificate of the swarm) sit unencrypted on each manager's disk.",
  impact: 'Every manager restart needs `docker swarm unlock` with the key before it rejoins; losing the key means rebuilding the managers.',
  remediation:
    'Run `docker swarm update --autolock=true`, store the printed unlock key in a password manager, and unlock restarted managers with `docker swarm unlock`.',
  references: ['CIS Docker Benchmark v1.8.0, 7.5', 'https://docs.docker.com/engine/swarm/swarm_manager_locking/'],
  check,
  advice: {
    text: 'Run `docker swarm update --autolock=true` on a manager and store the unlock key safely.',
    impact: 'Restarted managers stay locked until `docker swarm unlock` is run with the key.',
  },
});
