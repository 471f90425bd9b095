// The command line and environment each scanner runs with. Always an argument array, never a
// shell line: an image name is one argument whatever characters it holds.
import type { ScannerName } from './scanner-choice.js';

/**
 * The arguments after the executable.
 * - trivy: `--image-src docker` reads the image from the engine only; by default trivy would fall
 *   back to the registry and scan whatever the tag points at there, not the image that runs.
 *   `--cache-backend memory` keeps each process off trivy's on-disk scan cache, a BoltDB file one
 *   process may hold at a time (a second one gives up after a few seconds), so scans can run side
 *   by side. `--` ends the options: a name from the engine can never be read as a flag.
 * - grype: the `docker:` scheme likewise reads the image from the engine only.
 */
export function scannerArgs(name: ScannerName, ref: string): string[] {
  if (name === 'trivy') return ['image', '--format', 'json', '--quiet', '--image-src', 'docker', '--cache-backend', 'memory', '--', ref];
  return ['-o', 'json', `docker:${ref}`];
}

/** How the report names what produced it ("trivy image nginx:1.25"), in evidence and errors. */
export function scanSource(name: ScannerName, ref: string): string {
  return name === 'trivy' ? `trivy image ${ref}` : `grype ${ref}`;
}

/**
 * The scanner's environment: the caller's, with DOCKER_HOST set to the engine the audit read.
 * Both scanners talk to the engine through the Docker client library, which takes DOCKER_HOST
 * (and DOCKER_TLS_VERIFY / DOCKER_CERT_PATH, passed on as they are). It is set even for the
 * default socket: unset, the scanner would follow the user's current docker context and could
 * scan another engine than the one audited.
 */
export function scannerEnv(env: NodeJS.ProcessEnv, dockerHost: string): NodeJS.ProcessEnv {
  return { ...env, DOCKER_HOST: dockerHost, NO_COLOR: '1' };
}
