// Section 4 (images and build files) rules in benchmark id order.
import type { Rule } from '../rule.js';
import { containerUserCreated } from './4-1-container-user-created.js';
import { trustedBaseImages } from './4-2-trusted-base-images.js';
import { noUnnecessaryPackages } from './4-3-no-unnecessary-packages.js';
import { imagesScannedAndRebuilt } from './4-4-images-scanned-and-rebuilt.js';
import { contentTrustEnabled } from './4-5-content-trust-enabled.js';
import { imageHealthcheck } from './4-6-image-healthcheck.js';
import { noUpdateAlone } from './4-7-no-update-alone.js';
import { setuidSetgidRemoved } from './4-8-setuid-setgid-removed.js';
import { copyInsteadOfAdd } from './4-9-copy-instead-of-add.js';
import { noSecretsInImages } from './4-10-no-secrets-in-images.js';
import { verifiedPackagesOnly } from './4-11-verified-packages-only.js';
import { signedArtifactsValidated } from './4-12-signed-artifacts-validated.js';

export const section4Rules: Rule[] = [
  containerUserCreated,
  trustedBaseImages,
  noUnnecessaryPackages,
  imagesScannedAndRebuilt,
  contentTrustEnabled,
  imageHealthcheck,
  noUpdateAlone,
  setuidSetgidRemoved,
  copyInsteadOfAdd,
  noSecretsInImages,
  verifiedPackagesOnly,
  signedArtifactsValidated,
];
