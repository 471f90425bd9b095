// The shapes profiles take: as written in one file, and resolved along its extends chain.
import type { HardeningParams } from '../rules/params.js';

export type Waiver = { id: string; reason: string; expires?: string };

export interface ProfileSelect {
  sections?: number[];
  levels?: (1 | 2)[];
  include: string[];
  exclude: string[];
}

export interface ResolvedProfile {
  name: string;
  description: string;
  /** Absolute path of the file this profile was loaded from. */
  source: string;
  /** Shipped profiles by name, other files by absolute path, from the base to this profile. */
  chain: string[];
  select: ProfileSelect;
  params: HardeningParams;
  /** Rule ids here (and in select) are v1.8.0 ids, whatever numbering the file used. */
  waivers: Waiver[];
}

/** One file after validation: what it sets, nothing inherited yet. */
export interface ProfileFile {
  name: string;
  description?: string;
  extends?: string;
  select?: Partial<ProfileSelect>;
  params?: DeepPartial<HardeningParams>;
  waivers?: Waiver[];
}

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends Record<string, unknown> ? DeepPartial<T[K]> : T[K] };

export interface ProfileLoadOptions {
  /** Where relative paths given on the command line start from (default: process.cwd()). */
  cwd?: string;
  /** Where shipped profiles live (default: the package's profiles/ folder). */
  profilesDir?: string;
}
