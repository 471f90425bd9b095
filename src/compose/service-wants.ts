// What one service should end up with: the compose-service contributions of the rules (or of the
// file evaluator) folded per key, plus the volume and security-option removals that only the YAML
// can express (writable sensitive binds made read-only, the Docker socket, seccomp=unconfined).
import type { Tagged } from '../rules/contribution.js';
import { securityOpts } from './service-reading.js';
import type { ServiceDef } from './merge-services.js';
import type { VolumeItem } from './volume-items.js';

export interface Want {
  value: unknown;
  rules: Set<string>;
}

export interface ServiceWants {
  keys: Map<string, Want>;
  /** Writable binds of sensitive host paths, to be mounted read-only (5.6). */
  readOnly: { items: VolumeItem[]; rules: Set<string> } | null;
  /** Binds of the Docker socket itself, to be removed (5.32). */
  removeSocket: { items: VolumeItem[]; rules: Set<string> } | null;
  /** security_opt entries that switch seccomp off (5.22). */
  removeSeccomp: { entries: unknown[]; rules: Set<string> } | null;
}

const union = (a: unknown, b: unknown): unknown[] => {
  const out: unknown[] = [];
  for (const x of [...(Array.isArray(a) ? a : []), ...(Array.isArray(b) ? b : [])]) {
    if (!out.some((y) => JSON.stringify(y) === JSON.stringify(x))) out.push(x);
  }
  return out;
};

export function foldWants(contributions: readonly Tagged<'compose-service'>[]): Map<string, Want> {
  const keys = new Map<string, Want>();
  for (const c of contributions) {
    const prev = keys.get(c.key);
    if (!prev) {
      keys.set(c.key, { value: c.value, rules: new Set([c.ruleId]) });
      continue;
    }
    prev.rules.add(c.ruleId);
    // Two rules asking for list entries under one key (5.2 and 5.26 both add security options) want both.
    prev.value = Array.isArray(prev.value) && Array.isArray(c.value) ? union(prev.value, c.value) : c.value;
  }
  return keys;
}

export function serviceWants(
  contributions: readonly Tagged<'compose-service'>[],
  def: ServiceDef,
  volumes: readonly VolumeItem[],
  selected: ReadonlySet<string>,
): ServiceWants {
  const readOnly = volumes.filter((v) => v.sensitive && !v.spec.readOnly && !v.socket);
  const socket = volumes.filter((v) => v.socket);
  const seccomp = securityOpts(def)
    .filter((o) => o.key === 'seccomp' && o.value === 'unconfined')
    .map((o) => o.raw);
  return {
    keys: foldWants(contributions),
    readOnly: selected.has('5.6') && readOnly.length ? { items: readOnly, rules: new Set(['5.6']) } : null,
    removeSocket: selected.has('5.32') && socket.length ? { items: socket, rules: new Set(['5.32']) } : null,
    removeSeccomp: selected.has('5.22') && seccomp.length ? { entries: seccomp, rules: new Set(['5.22']) } : null,
  };
}

export function hasWants(w: ServiceWants): boolean {
  return w.keys.size > 0 || !!w.readOnly || !!w.removeSocket || !!w.removeSeccomp;
}
