// Every input kind's case generator, by kind.
import type fc from 'fast-check';
import type { FuzzCase, InputKind } from './case.js';
import { cliArgsCase } from './gen-cli-args.js';
import { composeCase } from './gen-compose.js';
import { daemonJsonCase } from './gen-daemon-json.js';
import { dockerfileCase } from './gen-dockerfile.js';
import { factsCase } from './gen-facts.js';
import { inventoryCase } from './gen-inventory.js';
import { manifestCase } from './gen-manifest.js';
import { profileCase } from './gen-profile.js';
import { profileParamsCase } from './gen-profile-params.js';
import { reportNamesCase } from './gen-report-names.js';
import { rootTreeCase } from './gen-root-tree.js';
import { scanReportCase } from './gen-scan-report.js';

export const GENERATORS: Record<InputKind, fc.Arbitrary<FuzzCase>> = {
  'daemon-json': daemonJsonCase,
  facts: factsCase,
  compose: composeCase,
  profile: profileCase,
  dockerfile: dockerfileCase,
  'root-tree': rootTreeCase,
  manifest: manifestCase,
  'cli-args': cliArgsCase,
  'profile-params': profileParamsCase,
  'report-names': reportNamesCase,
  inventory: inventoryCase,
  'scan-report': scanReportCase,
};
