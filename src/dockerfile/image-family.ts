// Which userland a stage's image has, from the base image name (or, failing that, the package
// manager its RUN lines use): it decides how a user is created and whether a shell exists at all.
import type { DockerfileDoc, Stage } from './model.js';
import { chainInstructions, rootImage } from './model.js';
import type { ImageRef } from './image-ref.js';
import { runCommands } from './shell.js';
import { packageCommands } from './packages.js';

export type Family = 'alpine' | 'busybox' | 'debian' | 'rhel' | 'scratch' | 'distroless' | 'windows' | 'unknown';

const DEBIAN_BASED = new Set([
  'debian',
  'ubuntu',
  'node',
  'python',
  'ruby',
  'golang',
  'openjdk',
  'eclipse-temurin',
  'php',
  'perl',
  'rust',
  'nginx',
  'httpd',
  'postgres',
  'redis',
  'mysql',
  'mariadb',
  'buildpack-deps',
  'gcc',
  'maven',
  'gradle',
]);
const RHEL_BASED = new Set(['centos', 'fedora', 'rockylinux', 'almalinux', 'amazonlinux', 'oraclelinux', 'ubi', 'ubi8', 'ubi9', 'ubi-minimal', 'rhel']);

export function familyOfImage(ref: ImageRef): Family {
  if (ref.scratch) return 'scratch';
  const full = `${ref.registry ?? ''}/${ref.path}`;
  if (/distroless|chainguard\/static/.test(full)) return 'distroless';
  if (/windows|nanoserver|servercore/.test(full)) return 'windows';
  if (/alpine/.test(ref.path) || /alpine/.test(ref.tag ?? '')) return 'alpine';
  if (/busybox/.test(ref.path)) return 'busybox';
  if (RHEL_BASED.has(ref.name) || /ubi\d*/.test(ref.path)) return 'rhel';
  if (DEBIAN_BASED.has(ref.name)) return 'debian';
  return 'unknown';
}

export function stageFamily(doc: DockerfileDoc, stage: Stage): Family {
  const root = rootImage(stage);
  const byName = root ? familyOfImage(root) : 'unknown';
  if (byName !== 'unknown') return byName;
  for (const run of chainInstructions(stage).filter((i) => i.keyword === 'RUN')) {
    for (const cmd of packageCommands(runCommands(doc, run))) {
      if (cmd.manager === 'apk') return 'alpine';
      if (cmd.manager === 'apt') return 'debian';
      if (cmd.manager === 'yum' || cmd.manager === 'zypper') return 'rhel';
    }
  }
  return 'unknown';
}

/** Non-root users that official images ship (and run their service as, or are made for). */
const IMAGE_USERS: Record<string, string> = {
  node: 'node',
  redis: 'redis',
  postgres: 'postgres',
  nginx: 'nginx',
  mysql: 'mysql',
  mariadb: 'mysql',
  mongo: 'mongodb',
  rabbitmq: 'rabbitmq',
  memcached: 'memcache',
  httpd: 'www-data',
  php: 'www-data',
};

/** A non-root user the base image is known to ship, so none needs creating. */
export function knownImageUser(ref: ImageRef | null): string | null {
  if (!ref || (ref.registry !== null && ref.registry !== 'docker.io')) return null;
  return IMAGE_USERS[ref.path.replace(/^library\//, '')] ?? null;
}

/** A whole distribution or a language image on one, where a slim/alpine/distroless variant exists. */
export function isFullDistribution(ref: ImageRef): boolean {
  const family = familyOfImage(ref);
  if (family !== 'debian' && family !== 'rhel') return false;
  return !/slim|minimal|micro|alpine/.test(`${ref.path}:${ref.tag ?? ''}`);
}
