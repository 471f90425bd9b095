// The one playbook every host shares. It knows nothing of any host: each host's plan comes from its
// host vars (docker_harden_plan, see host-vars.ts), so hosts whose plans differ share this file.
// Only ansible-core's builtin modules. File contents are used as `{{ item.content | string }}`:
// the host vars mark them !unsafe, so Ansible never templates them, and `| string` keeps a
// daemon.json byte for byte (without it Ansible reads JSON-looking text back into data).

/** Handler names, in the order Ansible runs them (the order of the plan's steps). */
export const HANDLERS = {
  daemon_reload: 'Reload systemd unit files',
  audit_load: 'Load the audit rules',
  live_restore: 'Turn on live-restore before the restart',
  reload: 'Reload dockerd',
  restart: 'Restart dockerd',
} as const;

/** Variables an inventory may set to replace the plan's command behind each handler. */
export const HANDLER_VARIABLES: Record<keyof typeof HANDLERS, string> = {
  daemon_reload: 'docker_harden_daemon_reload_cmd',
  audit_load: 'docker_harden_audit_load_cmd',
  live_restore: 'docker_harden_reload_cmd',
  reload: 'docker_harden_reload_cmd',
  restart: 'docker_harden_restart_cmd',
};

const PLAN = 'docker_harden_plan';
const dest = '{{ _dh_prefix ~ item.path }}';

/**
 * A command the plan runs on the host itself, where the plan has that step: the inventory's own
 * variable where it sets one, else the plan's. Under a docker_harden_root other than / only the
 * inventory's (the daemon of this machine is not the one that reads the copy), as apply does under --root.
 */
const command = (variable: string, planned: string) =>
  `{{ (${variable} | default(${planned})) if (${planned} | length > 0 and (${variable} is defined or _dh_on_host)) else [] }}`;

function copyTask(name: string, notifies: string, handlers: string[]): object {
  return {
    name,
    'ansible.builtin.copy': {
      dest,
      content: '{{ item.content | string }}',
      mode: '{{ item.mode }}',
      owner: '{{ item.owner }}',
      group: '{{ item.group }}',
      backup: true,
      validate: '{{ item.validate | default(omit) }}',
    },
    loop: `{{ ${PLAN}.files | selectattr('notifies', 'equalto', '${notifies}') | list }}`,
    loop_control: { label: '{{ item.path }}' },
    ...(handlers.length ? { notify: handlers } : {}),
  };
}

function handler(key: keyof typeof HANDLERS): object {
  return {
    name: HANDLERS[key],
    'ansible.builtin.command': { argv: `{{ _dh_cmd.${key} }}` },
    when: `_dh_cmd.${key} | length > 0`,
    changed_when: true,
  };
}

/** The playbook as data; `unsafe` marks a constant Ansible must not template. */
export function playbook(unsafe: (text: string) => unknown): object[] {
  const differs = '(item.stdout | from_json | combine(item.item.expect)) != (item.stdout | from_json)';
  return [
    {
      name: 'Harden Docker hosts with the plans docker-harden made for them',
      hosts: 'docker_harden',
      gather_facts: false,
      vars: {
        _dh_root: "{{ docker_harden_root | default('/') }}",
        _dh_prefix: "{{ _dh_root | regex_replace('/+$', '') }}",
        _dh_on_host: "{{ _dh_root == '/' }}",
        _dh_cmd: Object.fromEntries(Object.entries(HANDLER_VARIABLES).map(([key, variable]) => [key, command(variable, `${PLAN}.handlers.${key}`)])),
        _dh_docker: command('docker_harden_docker', `${PLAN}.docker`),
        _dh_inspect_format: unsafe('{{json .HostConfig}}'),
      },
      tasks: [
        {
          name: 'Check that this host has a plan and a root to write under',
          'ansible.builtin.assert': {
            that: [`${PLAN} is defined`, "_dh_root is match('/')"],
            fail_msg: 'This host has no plan in host_vars (run docker-harden ansible with its facts), or docker_harden_root is not an absolute path.',
            quiet: true,
          },
        },
        {
          name: 'Read the files the plan changes',
          'ansible.builtin.stat': { path: dest, checksum_algorithm: 'sha256', get_checksum: true },
          loop: `{{ ${PLAN}.files }}`,
          loop_control: { label: '{{ item.path }}' },
          register: '_dh_current_files',
        },
        {
          name: 'Stop where a file changed since the facts were taken',
          'ansible.builtin.assert': {
            that: ['(item.stat.checksum | default(none)) in [item.item.before_sha256, item.item.after_sha256]'],
            fail_msg: '{{ item.item.path }} changed since the facts were taken: inspect the host again and make the playbook anew.',
            quiet: true,
          },
          loop: '{{ _dh_current_files.results }}',
          loop_control: { label: '{{ item.item.path }}' },
        },
        {
          name: 'Make the folders new files go into',
          'ansible.builtin.file': { path: '{{ _dh_prefix ~ item }}', state: 'directory' },
          loop: `{{ ${PLAN}.directories }}`,
        },
        copyTask("Write dockerd's files (daemon.json, drop-ins)", 'dockerd', [
          HANDLERS.daemon_reload,
          HANDLERS.live_restore,
          HANDLERS.reload,
          HANDLERS.restart,
        ]),
        copyTask('Write the audit rules', 'audit', [HANDLERS.audit_load]),
        copyTask('Write the other files', 'nothing', []),
        {
          name: 'Set owners and modes',
          'ansible.builtin.file': {
            path: dest,
            mode: '{{ item.mode | default(omit) }}',
            owner: '{{ item.owner | default(omit) }}',
            group: '{{ item.group | default(omit) }}',
          },
          loop: `{{ ${PLAN}.permissions }}`,
          loop_control: { label: '{{ item.path }}' },
        },
        {
          name: 'Read the limits of the containers the plan updates',
          'ansible.builtin.command': { argv: "{{ _dh_docker + ['inspect', '--type', 'container', '--format', _dh_inspect_format, item.container] }}" },
          loop: `{{ ${PLAN}.updates if _dh_docker | length > 0 else [] }}`,
          loop_control: { label: '{{ item.container }}' },
          register: '_dh_containers',
          changed_when: false,
          check_mode: false,
        },
        {
          name: 'Update the limits of running containers (docker update)',
          'ansible.builtin.command': { argv: '{{ _dh_docker + item.item.args }}' },
          loop: '{{ _dh_containers.results }}',
          loop_control: { label: '{{ item.item.container }}' },
          when: ['not ansible_check_mode', differs],
          // It runs only where a limit differs, so each run that happens changes the container.
          changed_when: true,
        },
        {
          name: 'Containers docker update would change (check mode)',
          'ansible.builtin.debug': { msg: "{{ (_dh_docker + item.item.args) | join(' ') }}" },
          loop: '{{ _dh_containers.results }}',
          loop_control: { label: '{{ item.item.container }}' },
          when: ['ansible_check_mode', differs],
          changed_when: true,
        },
        {
          name: 'What the plan leaves to a person',
          'ansible.builtin.debug': { msg: `{{ ${PLAN}.manual }}` },
          when: `${PLAN}.manual | length > 0`,
        },
      ],
      handlers: (Object.keys(HANDLERS) as (keyof typeof HANDLERS)[]).map(handler),
    },
  ];
}
