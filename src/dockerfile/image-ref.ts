// Image references as FROM writes them: [registry/]path[:tag][@digest], after build-argument
// substitution (only ARGs declared before the first FROM are visible to FROM).

export interface ImageRef {
  /** The reference after substitution, e.g. "node:20-alpine@sha256:...". */
  reference: string;
  registry: string | null;
  /** Repository path without registry ("node", "bitnami/nginx"), lower-case as docker requires. */
  path: string;
  /** Last path component ("nginx" for "bitnami/nginx"). */
  name: string;
  tag: string | null;
  digest: string | null;
  scratch: boolean;
  /** Names of the build arguments the reference came from. */
  args: string[];
}

export function parseImageRef(reference: string, args: string[] = []): ImageRef {
  let rest = reference.trim();
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1) || null;
    rest = rest.slice(0, at);
  }
  const parts = rest.split('/');
  // The first component is a registry when it looks like a host name (docker's own rule).
  const registry = parts.length > 1 && /[.:]|^localhost$/.test(parts[0]) ? parts.shift()! : null;
  let last = parts.pop() ?? '';
  let tag: string | null = null;
  const colon = last.lastIndexOf(':');
  if (colon >= 0) {
    tag = last.slice(colon + 1) || null;
    last = last.slice(0, colon);
  }
  const path = [...parts, last].join('/').toLowerCase();
  return { reference, registry, path, name: last.toLowerCase(), tag, digest, scratch: registry === null && path === 'scratch', args };
}

/**
 * Substitute $VAR, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:+alt} from the given values.
 * Returns null when a variable has no value and no default: the result then depends on --build-arg.
 */
export function substituteArgs(text: string, values: Map<string, string | null>): { value: string; used: string[] } | null {
  const used: string[] = [];
  let unresolved = false;
  const value = text.replace(
    /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (_m, braced: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
      const name = braced ?? bare!;
      used.push(name);
      const current = values.get(name) ?? null;
      const empty = current === null || (op?.startsWith(':') && current === '');
      if (op?.endsWith('+')) return empty ? '' : (word ?? '');
      if (op?.endsWith('-') && (op === '-' ? current === null : empty)) return word ?? '';
      if (current === null) {
        unresolved = true;
        return '';
      }
      return current;
    },
  );
  return unresolved ? null : { value, used };
}
