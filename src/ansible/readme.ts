// The README.md that ships beside the playbook: how to run it, the variables an inventory may set,
// what each handler does, and what each host's plan holds.
import { VERSION } from '../core/version.js';
import type { AnsibleHostPlan } from './host-vars.js';
import { HANDLERS, HANDLER_VARIABLES } from './playbook.js';

export const PLAYBOOK_FILE = 'docker-harden.yml';

const HANDLER_TEXT: Record<keyof typeof HANDLERS, string> = {
  daemon_reload:
    '`systemctl daemon-reload` (with `--user` for a rootless daemon), so systemd reads a changed drop-in. Only on hosts whose dockerd systemd runs.',
  audit_load:
    '`augenrules --load`: merges /etc/audit/rules.d into /etc/audit/audit.rules and loads it. In immutable mode (`-e 2`) the rules load at the next boot.',
  live_restore:
    'SIGHUP to dockerd before a restart that also turns on live-restore, so running containers survive that restart. The same command as "Reload dockerd".',
  reload:
    '`kill -s HUP <pid>` to the daemon the facts saw (or `systemctl reload docker` where the pid is unknown): dockerd rereads daemon.json; containers keep running. Notified when every changed daemon.json key is reloadable.',
  restart:
    "The restart of the host's own service manager: `systemctl restart docker` (and `docker.socket` with it when its drop-in changed), `rc-service docker restart` on OpenRC, `service docker restart` on sysvinit. A daemon started by hand has none: the plan's notes say how to restart it.",
};

export function playbookReadme(hosts: readonly { name: string; plan: AnsibleHostPlan }[]): string {
  const rows = hosts.map(({ name, plan }) => {
    const handlers = (Object.keys(HANDLERS) as (keyof typeof HANDLERS)[]).filter((k) => plan.handlers[k].length > 0).map((k) => HANDLERS[k]);
    return `| ${name} | ${cell(plan.profile)} | ${plan.files.length} | ${plan.permissions.length} | ${plan.updates.length} | ${handlers.join(', ') || 'none'} |`;
  });
  const variables = [...new Set(Object.values(HANDLER_VARIABLES))];
  return `# docker-harden playbook

Made by docker-harden ${VERSION} from each host's facts: \`${PLAYBOOK_FILE}\` is the same for every host,
and \`host_vars/<host>.yml\` holds that host's plan (the files with their new contents, owners and
modes, the \`docker update\` steps, and the commands behind the handlers). It uses only
ansible-core's builtin modules (assert, stat, copy, file, command, debug).

## Run it

Put the hosts in the group \`docker_harden\` of your inventory, under the names used here
(\`inventory.yml\` lists them; add \`ansible_host\`, \`ansible_user\` and the rest as for any host).
Run it as root on the hosts (\`--become\` where you log in as another user):

    ansible-playbook -i inventory.yml ${PLAYBOOK_FILE} --check --diff   # what would change: the same diffs as \`docker-harden plan\`
    ansible-playbook -i inventory.yml ${PLAYBOOK_FILE}                   # change it
    ansible-playbook -i inventory.yml ${PLAYBOOK_FILE}                   # again: changed=0

Before it writes anything, each host's files are checked against the facts the plan was made from
(sha256): a file that changed since stops that host, and the playbook should be made again from
fresh facts (\`docker-harden inspect --save\`). Every replaced file is kept beside it by \`copy\`'s
\`backup\` (\`daemon.json.<pid>.<date>~\`); where the engine has \`dockerd --validate\` (23.0 and later),
daemon.json is validated with the daemon's own flags before it is put in place. A
\`docker update\` runs only where a container's limits differ from the plan's, so a second run
changes nothing.

## Variables an inventory may set

| variable | default | what it does |
|---|---|---|
| \`docker_harden_root\` | \`/\` | every path is written under this directory (a mounted image, a test tree); under any other root than \`/\`, handlers and \`docker update\` run only where their variable below is set |
| \`docker_harden_docker\` | the plan's (\`docker\`, with \`-H\` for an engine off the default socket) | the docker CLI words \`docker update\` and \`docker inspect\` run with |
${variables.map((v) => `| \`${v}\` | the plan's | the command (a list of words) of the handler below that uses it |`).join('\n')}

## Handlers

Ansible runs them once, at the end of the play, in this order, and only where a file they depend on
changed. Each runs the command the plan has for that host; a host whose plan has no such step skips it.

| handler | variable | what it does |
|---|---|---|
${(Object.keys(HANDLERS) as (keyof typeof HANDLERS)[]).map((k) => `| ${HANDLERS[k]} | \`${HANDLER_VARIABLES[k]}\` | ${HANDLER_TEXT[k]} |`).join('\n')}

## Hosts

| host | profile | files | owner/mode fixes | container updates | handlers |
|---|---|---|---|---|---|
${rows.join('\n')}

What a plan leaves to a person is printed at the end of each host's run, and listed in its
host_vars under \`manual\`.
`;
}

/** A profile name as one table cell: no line breaks, no column bar. */
function cell(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replaceAll('|', '\\|');
}
