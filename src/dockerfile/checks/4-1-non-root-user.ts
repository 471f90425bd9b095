// CIS 4.1: the final stage sets a non-root USER. An explicit `USER root` at the end is DH-IMG-007.
import type { Fix, FixOptions } from '../types.js';
import type { DockerfileDoc, Instr, Stage } from '../model.js';
import { chainInstructions, finalStage, rootImage } from '../model.js';
import { stageFamily, knownImageUser, type Family } from '../image-family.js';
import { runCommands } from '../shell.js';
import { exposedPorts } from '../instr-args.js';
import { finalAnchor, insertLines } from '../text-edits.js';
import { ORDER } from './fix-order.js';
import { cisCheck } from './define-check.js';

export const nonRootUser = cisCheck({
  id: '4.1',
  rationale:
    'Without USER the container runs as root; a compromised process then has root inside the container and, through any kernel or runtime flaw, a shorter way to the host.',
  remediation: 'Create a system user and group in the image (or use one the base image ships) and end the final stage with USER <name>.',
  check(doc, options) {
    const stage = finalStage(doc);
    if (chainInstructions(stage).some((i) => i.keyword === 'USER')) return [];
    return [{ line: stage.from.line, message: 'the final stage sets no USER, so the container runs as root', ...userFix(doc, stage, options) }];
  },
});

function userFix(doc: DockerfileDoc, stage: Stage, options: FixOptions): { fix?: Fix; advice?: string } {
  const family = stageFamily(doc, stage);
  if (family === 'windows') return { advice: 'add USER ContainerUser (the unprivileged account of Windows base images) before the CMD/ENTRYPOINT' };
  const chain = chainInstructions(stage);
  const created = createdUsers(doc, chain);
  const name = noShell(family)
    ? options.user && /^\d+(:\d+)?$/.test(options.user)
      ? options.user
      : family === 'scratch'
        ? '65534:65534'
        : '65532:65532'
    : (options.user ?? created[created.length - 1] ?? knownImageUser(rootImage(stage)) ?? 'app');
  const lines: string[] = [];
  const exists = created.includes(name) || name === knownImageUser(rootImage(stage)) || /^\d+(:\d+)?$/.test(name);
  if (!exists) lines.push(...createUser(family, name));
  lines.push(`USER ${name}`);
  const shown = name.split(':')[0];
  const warnings = [
    `USER ${name}: the container no longer runs as root, so it cannot write to root-owned paths (chown what the app writes, e.g. RUN chown -R ${shown} /data, before the USER line).`,
  ];
  if (options.user && options.user !== name)
    warnings.push(`--user ${options.user} is not used: a ${family} image has no /etc/passwd to name it in, so the user is the numeric ${name}.`);
  const low = chain
    .filter((i) => i.keyword === 'EXPOSE')
    .flatMap(exposedPorts)
    .filter((p) => p < 1024);
  if (low.length > 0) {
    warnings.push(
      `The image EXPOSEs port ${low.join(', ')}, below 1024: as ${shown} the server can bind it only on Docker 20.10+ (which sets net.ipv4.ip_unprivileged_port_start=0 in the container) and not with --network host; otherwise move it to a port above 1023.`,
    );
  }
  return { fix: { edits: [insertLines(doc, finalAnchor(doc), lines, ORDER.user)], warnings } };
}

function noShell(family: Family): boolean {
  return family === 'scratch' || family === 'distroless';
}

/** Lines that create a system user and group with the tools the image family has. */
export function createUser(family: Family, name: string): string[] {
  if (family === 'alpine') return [`RUN addgroup -S ${name} && adduser -S -G ${name} ${name}`];
  // busybox builds differ in their applets (Debian's has no adduser/addgroup), while every one
  // reads /etc/passwd and /etc/group: add the entries directly.
  if (family === 'busybox') return [`RUN echo '${name}:x:10001:10001::/nonexistent:/sbin/nologin' >> /etc/passwd && echo '${name}:x:10001:' >> /etc/group`];
  const debian = `RUN groupadd --system ${name} && useradd --system --gid ${name} --no-create-home ${name}`;
  if (family === 'debian' || family === 'rhel') return [debian];
  return ['# Base image family not recognised: this assumes groupadd/useradd (busybox and alpine use addgroup -S / adduser -S).', debian];
}

/** Options of useradd/adduser (shadow, busybox and Debian's) that take a value. */
const WITH_VALUE = new Set([
  '-c',
  '-d',
  '-e',
  '-f',
  '-g',
  '-G',
  '-k',
  '-K',
  '-p',
  '-s',
  '-u',
  '-b',
  '-R',
  '-P',
  '-Z',
  '-h',
  '--comment',
  '--home-dir',
  '--home',
  '--expiredate',
  '--inactive',
  '--gid',
  '--groups',
  '--skel',
  '--key',
  '--password',
  '--shell',
  '--uid',
  '--base-dir',
  '--root',
  '--prefix',
  '--ingroup',
  '--gecos',
  '--firstuid',
  '--lastuid',
  '--conf',
]);

/** Users that RUN lines create (useradd NAME, adduser [opts] NAME), in order. */
export function createdUsers(doc: DockerfileDoc, instructions: Instr[]): string[] {
  const users: string[] = [];
  for (const run of instructions.filter((i) => i.keyword === 'RUN')) {
    for (const cmd of runCommands(doc, run)) {
      if (cmd.words[0] !== 'useradd' && cmd.words[0] !== 'adduser') continue;
      for (let i = 1; i < cmd.words.length; i++) {
        const w = cmd.words[i];
        if (WITH_VALUE.has(w)) i++;
        else if (!w.startsWith('-')) {
          users.push(w);
          break;
        }
      }
    }
  }
  return users;
}
