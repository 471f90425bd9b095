// `profiles` lists the shipped profiles; `profiles show REF` prints one resolved along its extends
// chain, as YAML for people or JSON for tools.
import type { Output } from '../services/output.js';
import { listProfiles, loadProfile, type ProfileLoadOptions } from '../profiles/index.js';
import { profileView, renderProfileYaml } from '../profiles/render-profile.js';

export interface ProfilesOptions extends ProfileLoadOptions {
  json: boolean;
}

export async function profilesService(opts: ProfilesOptions, output: Output): Promise<void> {
  const profiles = await listProfiles(opts);
  if (opts.json) {
    output.out(JSON.stringify(profiles, null, 2));
    return;
  }
  const width = Math.max(4, ...profiles.map((p) => p.name.length));
  const lines = [`${'NAME'.padEnd(width)}  DESCRIPTION`];
  for (const p of profiles) lines.push(`${p.name.padEnd(width)}  ${p.description}`, `${' '.repeat(width)}  ${p.source}`);
  lines.push('', 'Show one resolved profile with `docker-harden profiles show NAME|PATH`.');
  output.out(lines.join('\n'));
}

export interface ProfilesShowOptions extends ProfilesOptions {
  /** A shipped profile name, or a path to a profile file. */
  ref: string;
}

export async function profilesShowService(opts: ProfilesShowOptions, output: Output): Promise<void> {
  const profile = await loadProfile(opts.ref, opts);
  output.out(opts.json ? JSON.stringify(profileView(profile), null, 2) : renderProfileYaml(profile));
}
