// The section-5 items a recreate can settle, in benchmark order: every item written over a
// WorkloadSpec. Those whose fix is advice only (5.8, 5.18, 5.20, 5.22, 5.32) have no create field
// to set; they are listed so a recreate that happens to close one (5.22 once privileged is gone)
// says so.
import * as items from '../../rules/section5/workload-items.js';
import type { WorkloadItem } from '../../rules/section5/workload-items.js';
import { compareRuleIds } from '../../plan-model/file-change.js';

export const RECREATE_ITEMS: readonly WorkloadItem[] = Object.values(items)
  .filter((v): v is WorkloadItem => typeof v === 'object' && v !== null && 'judge' in v && 'fix' in v)
  .sort((a, b) => compareRuleIds(a.id, b.id));
