// Building a FileChange from the current and desired content, so every renderer classifies
// create/modify/unchanged the same way and records the hash apply checks against.
import { sha256 } from '../core/sha256.js';
import type { ArtifactKind, FileChange } from './plan.js';
import { compareRuleIds } from '../rules/rule-id-order.js';

export { compareRuleIds };

export interface FileChangeInput {
  path: string;
  before: string | null;
  after: string | null;
  mode: number;
  owner?: string;
  group?: string;
  closes: Iterable<string>;
  artifact: ArtifactKind;
}

export function fileChange(input: FileChangeInput): FileChange {
  const { before, after } = input;
  const kind: FileChange['kind'] =
    before === null ? (after === null ? 'unchanged' : 'create') : after === null ? 'delete' : before === after ? 'unchanged' : 'modify';
  return {
    path: input.path,
    kind,
    before,
    after,
    mode: input.mode,
    owner: input.owner ?? 'root',
    group: input.group ?? 'root',
    beforeSha256: before === null ? null : sha256(before),
    closes: sortRuleIds(input.closes),
    artifact: input.artifact,
  };
}

/** Benchmark order: "1.1.10" after "1.1.9". */
export function sortRuleIds(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort(compareRuleIds);
}

/**
 * Keep the current mode where it is already at least as strict as the wanted one, so a rewrite
 * never loosens a file (0600 stays 0600 where 0644 is asked for).
 */
export function strictestMode(current: number | undefined, wanted: number): number {
  if (current === undefined) return wanted;
  return (current & ~wanted & 0o7777) === 0 ? current & 0o7777 : wanted;
}
