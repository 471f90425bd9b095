// CIS section 2 (Docker daemon configuration), in id order.
import type { Rule } from '../rule.js';
import { runDaemonAsNonRootRule } from './2-1-run-daemon-as-non-root.js';
import { restrictInterContainerTrafficRule } from './2-2-restrict-inter-container-traffic.js';
import { logLevelInfoRule } from './2-3-log-level-info.js';
import { allowIptablesChangesRule } from './2-4-allow-iptables-changes.js';
import { noInsecureRegistriesRule } from './2-5-no-insecure-registries.js';
import { noAufsStorageDriverRule } from './2-6-no-aufs-storage-driver.js';
import { noDevicemapperStorageDriverRule } from './2-7-no-devicemapper-storage-driver.js';
import { tlsAuthenticationRule } from './2-8-tls-authentication.js';
import { defaultUlimitsRule } from './2-9-default-ulimits.js';
import { userNamespaceSupportRule } from './2-10-user-namespace-support.js';
import { defaultCgroupUsageRule } from './2-11-default-cgroup-usage.js';
import { baseDeviceSizeRule } from './2-12-base-device-size.js';
import { authorizationPluginsRule } from './2-13-authorization-plugins.js';
import { centralizedLoggingRule } from './2-14-centralized-logging.js';
import { noNewPrivilegesRule } from './2-15-no-new-privileges.js';
import { liveRestoreRule } from './2-16-live-restore.js';
import { userlandProxyDisabledRule } from './2-17-userland-proxy-disabled.js';
import { seccompProfileRule } from './2-18-seccomp-profile.js';
import { noExperimentalFeaturesRule } from './2-19-no-experimental-features.js';

export const section2Rules: Rule[] = [
  runDaemonAsNonRootRule,
  restrictInterContainerTrafficRule,
  logLevelInfoRule,
  allowIptablesChangesRule,
  noInsecureRegistriesRule,
  noAufsStorageDriverRule,
  noDevicemapperStorageDriverRule,
  tlsAuthenticationRule,
  defaultUlimitsRule,
  userNamespaceSupportRule,
  defaultCgroupUsageRule,
  baseDeviceSizeRule,
  authorizationPluginsRule,
  centralizedLoggingRule,
  noNewPrivilegesRule,
  liveRestoreRule,
  userlandProxyDisabledRule,
  seccompProfileRule,
  noExperimentalFeaturesRule,
];
