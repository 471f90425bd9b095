// Whether a path is kept out of the build context by a .dockerignore, with Docker's own rules:
// patterns are anchored at the context root, "**" spans directories, "!" re-includes, the last
// matching line wins, and excluding a directory excludes everything under it.
// @balena/dockerignore is a port of Docker's matcher (moby's fileutils/dockerignore), tested
// against `docker build`; matching is case-sensitive, as Docker's is on Linux.
import dockerignoreModule, { type Ignore } from '@balena/dockerignore';

// The package is CommonJS with `module.exports = factory`, while its types declare an ES default
// export: under NodeNext the default import is the factory itself.
const ignore = dockerignoreModule as unknown as typeof dockerignoreModule.default;

export type DockerignoreRules = Ignore;

export function parseDockerignore(text: string): DockerignoreRules {
  return ignore({ ignorecase: false }).add(text);
}

export function isExcluded(rules: DockerignoreRules, path: string): boolean {
  return rules.ignores(path);
}
