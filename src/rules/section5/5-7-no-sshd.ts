// 5.7: facts hold no process list, so this decides from what the container starts (Entrypoint +
// Cmd, looking inside `sh -c` scripts and through init wrappers) and warns on image names made
// for sshd. Only an executable whose basename is exactly "sshd" counts: `grep sshd`, `pgrep sshd`
// or a container called sshd-audit must not match.
import { verdict } from './support.js';
import { containerRule } from './workload-rule.js';

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);
/** Programs that run their arguments as the real command. */
const WRAPPERS = new Set(['env', 'exec', 'nohup', 'setsid', 'tini', 'dumb-init', 'docker-init', 'busybox', 'command']);
/** Wrappers whose first argument is a user, then the command. */
const USER_WRAPPERS = new Set(['gosu', 'su-exec']);
/** Shell words that may precede a command in a list. */
const KEYWORDS = new Set(['do', 'then', 'else', 'if', 'while', 'until', '!', '{', 'time']);

const basename = (word: string) =>
  word
    .replace(/^["']|["']$/g, '')
    .split('/')
    .pop() ?? '';

/** The program a command line really runs, after skipping wrappers and their options. */
function realCommand(words: string[]): string[] {
  let i = 0;
  while (i < words.length) {
    const name = basename(words[i]);
    if (WRAPPERS.has(name)) {
      i++;
      while (i < words.length && (words[i].startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]))) i++;
    } else if (USER_WRAPPERS.has(name)) {
      i += 2;
    } else if (KEYWORDS.has(words[i])) {
      i++;
    } else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i])) {
      i++; // VAR=value prefix in a shell command
    } else break;
  }
  return words.slice(i);
}

/** The sshd invocation found in a command line, or null. */
export function findSshd(argv: string[], depth = 0): string | null {
  const words = realCommand(argv);
  if (words.length === 0 || depth > 4) return null;
  const exe = basename(words[0]);
  if (exe === 'sshd') return words.join(' ');
  if (SHELLS.has(exe)) {
    const flag = words.findIndex((w, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(w));
    const script = flag > 0 ? words[flag + 1] : undefined;
    if (!script) return null;
    for (const command of script.split(/;|&&|\|\||\||&|\n|\(|\)|`|\$\(/)) {
      const found = findSshd(command.trim().split(/\s+/).filter(Boolean), depth + 1);
      if (found) return found;
    }
  }
  return null;
}

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : []);

function imageSuggestsSshd(image: string): boolean {
  const repo =
    image
      .replace(/@.*$/, '')
      .replace(/:[^/:]*$/, '')
      .split('/')
      .pop() ?? '';
  return repo === 'sshd' || repo === 'openssh-server' || /[-_]sshd$/.test(repo);
}

export const noSshd = containerRule(
  {
    id: '5.7',
    title: 'Ensure sshd is not run within containers',
    severity: 'medium',
    rationale:
      'An SSH daemon in a container is one more network service with its own keys, users and patch cycle; `docker exec` already gives operators a shell without exposing one.',
    impact: 'People or tools that log in to the container over SSH must switch to `docker exec` (or a bastion on the host).',
    remediation:
      'Remove sshd from the image and its entrypoint and use `docker exec -it <container> sh` for access. To confirm on a running container: `docker exec <container> ps -ef` and look for an sshd process.',
    references: ['CIS Docker Benchmark v1.8.0, 5.7', 'https://docs.docker.com/reference/cli/docker/container/exec/'],
  },
  (c) => {
    const argv = [...asList(c.config.Entrypoint), ...asList(c.config.Cmd)];
    const cmd = `Config.Entrypoint + Cmd: ${JSON.stringify(argv)}`;
    const found = findSshd(argv);
    if (found) return verdict('fail', `Container ${c.name} starts sshd (${found}).`, cmd);
    if (imageSuggestsSshd(c.image)) {
      return verdict(
        'warn',
        `Container ${c.name} uses image ${c.image}, whose name suggests an SSH server; check its processes.`,
        `Config.Image: ${c.image}`,
        cmd,
      );
    }
    return verdict('pass', `Container ${c.name} does not start sshd (judged from its command; the process list was not inspected).`, cmd);
  },
);
