// The one order of rule ids, used wherever ids are sorted (catalog, plan, script): numeric by
// dotted part, so "2.9" < "2.10" and "1.1.18" < "1.2.1"; ids with non-numeric parts
// ("DH-IMG-001") fall back to text order so the sort stays total and stable.

/** Numeric order of dotted ids: "2.9" < "2.10" < "2.15", "1.1.18" < "1.2.1". */
export function compareRuleIds(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return a.localeCompare(b);
}
