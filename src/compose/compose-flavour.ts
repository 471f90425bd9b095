// What an override file can express depends on the Compose implementation that will merge it.
// Compose v1 (docker-compose 1.x) and Compose v2 before 2.18 have no way to remove a list entry or
// unset a scalar from an override; `!reset` arrived in v2.18.0 and `!override` in v2.24.4. Before
// v2.24 (compose-go v1, mergo WithOverride) an override's false, "" or 0 does not replace the base
// value; docker-compose 1.29 does replace it (checked with its `config` in test/compose).

export interface ComposeFlavour {
  /** The com.docker.compose.version label, or null where no container says. */
  version: string | null;
  generation: 1 | 2 | null;
  /** `key: !reset null` / `!reset []` removes the base value. */
  resetTag: boolean;
  /** `key: !override [...]` replaces the base value wholesale. */
  overrideTag: boolean;
  /** `privileged: false` in an override replaces the base's true. */
  emptyScalarsOverride: boolean;
}

type Triple = [number, number, number];

function parseVersion(text: string): Triple | null {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : null;
}

function compare(a: Triple, b: Triple): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

const atLeast = (v: Triple, min: Triple) => compare(v, min) >= 0;

/** The flavour for a version label; unknown versions get the oldest behaviour, which needs no tag and no empty override. */
export function composeFlavour(version: string | null): ComposeFlavour {
  const v = version ? parseVersion(version) : null;
  if (!v) return { version, generation: null, resetTag: false, overrideTag: false, emptyScalarsOverride: false };
  if (v[0] < 2) return { version, generation: 1, resetTag: false, overrideTag: false, emptyScalarsOverride: true };
  return {
    version,
    generation: 2,
    resetTag: atLeast(v, [2, 18, 0]),
    overrideTag: atLeast(v, [2, 24, 4]),
    emptyScalarsOverride: atLeast(v, [2, 24, 0]),
  };
}

/**
 * The flavour a project's containers were created with. Containers of one project can disagree
 * (re-created by another tool version): the oldest one decides, since any of them may run it again.
 */
export function projectFlavour(versions: readonly (string | null)[]): ComposeFlavour {
  if (versions.length === 0 || versions.some((v) => v === null || !parseVersion(v))) return composeFlavour(null);
  const sorted = [...versions].sort((a, b) => compare(parseVersion(a!)!, parseVersion(b!)!));
  return composeFlavour(sorted[0]);
}

export function describeFlavour(f: ComposeFlavour): string {
  if (f.version === null) return 'an unknown Compose version (treated as the oldest)';
  return f.generation === 1 ? `docker-compose ${f.version}` : `Docker Compose ${f.version}`;
}
