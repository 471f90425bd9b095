// How `profiles show` presents a resolved profile: the same data as --json, as YAML a person can
// read, with the benchmark items it selects and expired waivers marked.
import { Document, isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { CIS_V180_ITEMS } from '../rules/cis-v1.8.0-ids.js';
import type { Section } from '../rules/rule.js';
import { selectRules } from './select-rules.js';
import type { ResolvedProfile } from './types.js';
import { isWaiverActive } from './waivers.js';

const WIDTH = 100;

/** v1.8.0 ids of every benchmark item the profile selects, whether or not a rule implements it yet. */
export function selectedBenchmarkIds(profile: Pick<ResolvedProfile, 'select'>): string[] {
  const items = CIS_V180_ITEMS.map((item) => ({ id: item.id, level: item.level, section: Number(item.id.split('.')[0]) as Section }));
  return selectRules(profile, items).map((item) => item.id);
}

export type ProfileView = ResolvedProfile & { rules: string[] };

export function profileView(profile: ResolvedProfile): ProfileView {
  return { ...profile, rules: selectedBenchmarkIds(profile) };
}

export function renderProfileYaml(profile: ResolvedProfile, now: Date = new Date()): string {
  const view = profileView(profile);
  const doc = new Document(view);
  const root = doc.contents as YAMLMap;
  const select: unknown = root.get('select', true);
  const selectLists = isMap(select) ? select.items.map((item) => item.value) : [];
  for (const list of [root.get('chain', true), root.get('rules', true), ...selectLists]) {
    if (!isSeq(list)) continue;
    list.flow = true;
    // Ids quoted alike: "2.3" would otherwise be quoted and 1.1.7 not.
    for (const item of list.items) if (isScalar(item) && typeof item.value === 'string') item.type = 'QUOTE_DOUBLE';
  }
  const waivers = root.get('waivers', true);
  if (isSeq(waivers)) {
    waivers.items.forEach((node, i) => {
      if (isMap(node) && !isWaiverActive(profile.waivers[i], now)) node.commentBefore = ' expired: this waiver no longer applies';
    });
  }
  const rules = root.items.find((pair) => isScalar(pair.key) && pair.key.value === 'rules');
  if (rules && isScalar(rules.key)) rules.key.commentBefore = ` ${view.rules.length} of ${CIS_V180_ITEMS.length} benchmark items selected`;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).split('\n').map(wrapFlowList).join('\n');
}

/** yaml puts a long flow list on one line or one item per line; wrap it like prose instead. */
function wrapFlowList(line: string): string {
  const m = /^(\s*)([\w-]+): \[(.*)\]$/.exec(line);
  if (!m || line.length <= WIDTH) return line;
  const [, indent, key, body] = m;
  const items = body.split(', ');
  const lines: string[] = [];
  let current = `${indent}${key}: [`;
  for (const [i, item] of items.entries()) {
    const piece = item + (i < items.length - 1 ? ',' : ']');
    if (current.length + piece.length + 1 > WIDTH && !current.endsWith('[')) {
      lines.push(current);
      current = `${indent}  ${piece}`;
    } else current += current.endsWith('[') ? piece : ` ${piece}`;
  }
  lines.push(current);
  return lines.join('\n');
}
