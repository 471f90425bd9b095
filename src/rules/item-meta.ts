// What other views of a CIS item (the Dockerfile checks) show about it: id, title, level and
// severity, read from the item's rule. Each item's metadata is so written once, in its rule,
// and the catalog self-test holds that rule to the benchmark's own list (cis-v1.8.0-ids.ts).
import type { RuleMeta } from './rule.js';
import { allRules } from './catalog.js';

export type ItemMeta = Pick<RuleMeta, 'id' | 'title' | 'level' | 'severity'>;

export function cisItemMeta(id: string): ItemMeta {
  const rule = allRules.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule for CIS Docker Benchmark v1.8.0 item ${id}`);
  return { id: rule.id, title: rule.title, level: rule.level, severity: rule.severity };
}
