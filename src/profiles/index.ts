// Profiles: YAML files in profiles/ (or anywhere), validated against schemas/profile.schema.json.
export type { Waiver, ResolvedProfile, ProfileSelect, ProfileLoadOptions } from './types.js';
export { loadProfile, listProfiles, isProfilePath, SHIPPED_PROFILES_DIR } from './load-profile.js';
export { selectRules } from './select-rules.js';
export { isWaiverActive, activeWaiverFor } from './waivers.js';
export { canonicalRuleId } from './rule-ids.js';
export { PROFILE_SCHEMA_PATH } from './schema.js';
export { renderProfileYaml, selectedBenchmarkIds } from './render-profile.js';
