// Probe 'users': who is in the docker group (root-equivalent: CIS 1.1.2), counting users whose
// primary group it is, which /etc/group does not list.
import { groupMembers, type Accounts } from './accounts.js';
import { probed, type Probed } from './probe.js';

export function probeUsers(accounts: Accounts): Probed<string[] | null> {
  if (!accounts.groups) return probed(null, 'missing', '/etc/group could not be read');
  const members = groupMembers(accounts, 'docker');
  if (members === null) return probed(null, 'missing', 'no docker group');
  return probed(members, 'ok', members.length ? `docker group: ${members.join(', ')}` : 'docker group has no members');
}
