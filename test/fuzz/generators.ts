// Every input kind's case generator, by kind.
import type fc from 'fast-check';
import type { FuzzCase, InputKind } from './case.js';
import { composeCase } from './gen-compose.js';
import { daemonJsonCase } from './gen-daemon-json.js';
import { dockerfileCase } from './gen-dockerfile.js';
import { factsCase } from './gen-facts.js';
import { manifestCase } from './gen-manifest.js';
import { profileCase } from './gen-profile.js';
import { rootTreeCase } from './gen-root-tree.js';

export const GENERATORS: Record<InputKind, fc.Arbitrary<FuzzCase>> = {
  'daemon-json': daemonJsonCase,
  facts: factsCase,
  compose: composeCase,
  profile: profileCase,
  dockerfile: dockerfileCase,
  'root-tree': rootTreeCase,
  manifest: manifestCase,
};
