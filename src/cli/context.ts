// Global options every command shares, resolved once from flags and the environment.
import path from 'node:path';
import { statSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import type { GlobalOptions } from '../services/options.js';

interface RawGlobalFlags {
  root?: string;
  dockerHost?: string;
  from?: string;
  color?: boolean;
  engine?: boolean;
  ssh?: string;
}

/** The commands that only read the host, and so may read one over SSH. */
const SSH_COMMANDS = ['inspect', 'audit', 'plan', 'script', 'patch'];

/** --ssh (or DOCKER_HOST=ssh://) with a command that writes, or with --root / --from, is a mistake. */
export function checkSshUse(command: string, raw: RawGlobalFlags, env = process.env): void {
  const ssh = raw.ssh ?? sshFromDockerHost(raw.dockerHost ?? env.DOCKER_HOST);
  if (!ssh) return;
  if (!SSH_COMMANDS.includes(command)) {
    const name = command === 'docker-harden' ? 'the wizard' : `\`${command}\``;
    throw new UserError(
      `${name} works on this machine only, not over SSH (${ssh}).`,
      `Over SSH, use ${SSH_COMMANDS.join(', ')}; to change the host, run \`docker-harden script\` there or use the playbook.`,
    );
  }
  if (raw.root !== undefined || raw.from !== undefined)
    throw new UserError(`--ssh reads a live host, so it cannot be combined with ${raw.root !== undefined ? '--root' : '--from'}.`, 'Leave one of them out.');
}

function sshFromDockerHost(host: string | undefined): string | undefined {
  return host?.startsWith('ssh://') ? host : undefined;
}

export function resolveGlobalOptions(raw: RawGlobalFlags, env = process.env): GlobalOptions {
  // An empty value would quietly mean the current directory (or no option at all).
  const empty = raw.root?.trim() === '' ? '--root' : raw.from?.trim() === '' ? '--from' : raw.ssh?.trim() === '' ? '--ssh' : undefined;
  if (empty) throw new UserError(`${empty} was given an empty value.`, `Give ${empty} a value, or leave the option out.`);
  const root = path.resolve(raw.root ?? '/');
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UserError(`The root ${root} is not a directory.`, 'Pass --root a directory that holds a copy of the host files (etc/, usr/, ...).');
  }
  const givenHost = raw.dockerHost ?? (env.DOCKER_HOST || undefined);
  // DOCKER_HOST=ssh://user@host as the docker CLI takes it: the engine is that host's default socket.
  const ssh = raw.ssh ?? sshFromDockerHost(givenHost);
  return {
    ...(ssh ? { ssh } : {}),
    root,
    rootGiven: raw.root !== undefined,
    dockerHost: givenHost ?? 'unix:///var/run/docker.sock',
    dockerHostGiven: givenHost !== undefined,
    noEngine: raw.engine === false,
    from: raw.from ? path.resolve(raw.from) : undefined,
    color: (raw.color !== false && !env.NO_COLOR && !!process.stdout.isTTY) || env.FORCE_COLOR === '1',
  };
}
