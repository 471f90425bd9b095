// Image references as scanners and the engine write them, in one comparable form. The engine
// says "nginx:1.25" where a scanner may say "docker.io/library/nginx:1.25"; a digest is compared
// by its hash alone, since "repo@sha256:x" and a bare manifest digest "sha256:x" name the same manifest.

const DEFAULT_REGISTRY = /^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\//;

/** "docker.io/library/nginx" -> "nginx", "docker.io/me/app" -> "me/app"; other registries kept. */
export function normalRepo(repo: string): string {
  return repo.replace(DEFAULT_REGISTRY, '').replace(/^library\//, '');
}

/** "repo:tag" in the engine's short form; a name without a tag is ":latest", as Docker reads it. */
export function normalTag(ref: string): string | null {
  const name = ref.trim();
  if (name === '' || name.includes('@') || /^(sha256:)?[0-9a-f]{64}$/.test(name) || name === '<none>:<none>') return null;
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const tagged = colon > slash;
  const repo = tagged ? name.slice(0, colon) : name;
  return `${normalRepo(repo)}:${tagged ? name.slice(colon + 1) : 'latest'}`;
}

/** The "sha256:<hex>" of an id, a repo digest or a bare digest; null for anything else. */
export function digestHash(ref: string): string | null {
  const m = /(?:^|@)(sha256:[0-9a-f]{64})$/.exec(ref.trim());
  if (m) return m[1];
  return /^[0-9a-f]{64}$/.test(ref.trim()) ? `sha256:${ref.trim()}` : null;
}

/** Split what a scanner was given ("nginx:1.25", "nginx@sha256:...", an id) into the lists a report keeps. */
export function classifyRef(ref: string): { tags: string[]; digests: string[]; ids: string[] } {
  const r = ref.trim();
  if (/^(sha256:)?[0-9a-f]{64}$/.test(r)) return { tags: [], digests: [], ids: [r.startsWith('sha256:') ? r : `sha256:${r}`] };
  if (r.includes('@')) return { tags: [], digests: [r], ids: [] };
  const tag = normalTag(r);
  return { tags: tag ? [r] : [], digests: [], ids: [] };
}

/** Strings from a scanner's list, keeping only non-empty text. */
export function strings(list: unknown): string[] {
  return Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : [];
}

/** Unique, in first-seen order. */
export function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
