// Where to connect: `--ssh user@host[:port]`, DOCKER_HOST=ssh://user@host[:port], or an Ansible
// inventory host's connection variables. The system's ssh client does the rest with the user's
// own config, keys and known_hosts, so only what the user named is passed on.
import { UserError } from '../../core/errors.js';
import { checkSshOptions } from './ssh-options.js';

export interface SshTarget {
  /** user@host or host, as ssh takes it. */
  destination: string;
  port?: number;
  /** -i: a private key (Ansible's ansible_ssh_private_key_file). */
  identityFile?: string;
  /** Extra ssh options (Ansible's ansible_ssh_common_args), already split into words. */
  commonArgs?: string[];
}

const HINT = 'Give --ssh as user@host or user@host:port (or DOCKER_HOST=ssh://user@host:port).';

/** "user@host", "host:2222", "ssh://user@host:22", "user@[::1]:22". */
export function parseSshTarget(value: string): SshTarget {
  const text = value
    .trim()
    .replace(/^ssh:\/\//, '')
    .replace(/\/$/, '');
  const m = /^(?:([^@\s:/]+)@)?(\[[0-9a-fA-F:.]+\]|[^@\s:/[\]]+)(?::(\d+))?$/.exec(text);
  // A leading "-" would reach ssh as an option.
  if (!m || m[2].startsWith('-') || m[1]?.startsWith('-')) throw new UserError(`The SSH destination "${value}" is not user@host[:port].`, HINT);
  const port = m[3] === undefined ? undefined : Number(m[3]);
  if (port !== undefined && (port < 1 || port > 65535)) throw new UserError(`The SSH destination "${value}" has an invalid port.`, HINT);
  const host = m[2].replace(/^\[(.*)\]$/, '$1');
  return { destination: m[1] ? `${m[1]}@${host}` : host, ...(port ? { port } : {}) };
}

/** How a target is named in facts and messages: ssh://user@host:port. */
export function sshUrl(target: SshTarget): string {
  const at = target.destination.lastIndexOf('@');
  const host = target.destination.slice(at + 1);
  const shown = host.includes(':') ? `[${host}]` : host;
  return `ssh://${at >= 0 ? target.destination.slice(0, at + 1) : ''}${shown}${target.port ? `:${target.port}` : ''}`;
}

/**
 * An inventory host's connection as Ansible makes it: ansible_host (else the inventory name),
 * ansible_port, ansible_user, ansible_ssh_private_key_file and ansible_ssh_common_args.
 */
export function sshTargetFromInventory(name: string, vars: Record<string, unknown>): SshTarget {
  const str = (key: string): string | undefined => {
    const v = vars[key];
    return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
  };
  const host = str('ansible_host') ?? name;
  const user = str('ansible_user');
  const port = str('ansible_port');
  const target = parseSshTarget(`${user ? `${user}@` : ''}${host.includes(':') ? `[${host}]` : host}${port ? `:${port}` : ''}`);
  const key = str('ansible_ssh_private_key_file');
  const common = str('ansible_ssh_common_args');
  const words = common ? splitWords(common) : [];
  checkSshOptions(words);
  return { ...target, ...(key ? { identityFile: key } : {}), ...(words.length > 0 ? { commonArgs: words } : {}) };
}

/** Words of an options string the way a shell would split it (quotes kept together, no expansion). */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\\.|[^\s"'\\]+)|(\s+)/g;
  let word: string | null = null;
  for (const m of text.matchAll(re)) {
    if (m[4] !== undefined) {
      if (word !== null) words.push(word);
      word = null;
      continue;
    }
    const piece = m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2] !== undefined ? m[2] : m[3].replace(/\\(.)/g, '$1');
    word = (word ?? '') + piece;
  }
  if (word !== null) words.push(word);
  return words;
}
