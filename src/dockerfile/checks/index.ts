// Every Dockerfile check, CIS ids first (benchmark order), then our own.
import type { DockerfileCheck } from '../types.js';
import { nonRootUser } from './4-1-non-root-user.js';
import { healthcheck } from './4-6-healthcheck.js';
import { updateAlone } from './4-7-update-alone.js';
import { addInsteadOfCopy } from './4-9-add-instead-of-copy.js';
import { secrets } from './4-10-secrets.js';
import { verifiedPackages } from './4-11-verified-packages.js';
import { baseImagePinned } from './dh-img-001-base-image-pinned.js';
import { dockerignore } from './dh-img-002-dockerignore.js';
import { packageCache } from './dh-img-003-package-cache.js';
import { buildTools } from './dh-img-004-build-tools.js';
import { setuidBits } from './dh-img-005-setuid.js';
import { labels } from './dh-img-006-labels.js';
import { rootAndSudo } from './dh-img-007-root-and-sudo.js';
import { minimalBase } from './dh-img-008-minimal-base.js';

export const dockerfileChecks: readonly DockerfileCheck[] = [
  nonRootUser,
  healthcheck,
  updateAlone,
  addInsteadOfCopy,
  secrets,
  verifiedPackages,
  baseImagePinned,
  dockerignore,
  packageCache,
  buildTools,
  setuidBits,
  labels,
  rootAndSudo,
  minimalBase,
];
