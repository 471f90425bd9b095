// Ansible's INI inventory dialect: `[group]` sections of host lines (`web1 ansible_port=2222`,
// patterns with ranges and :port), `[group:vars]` of key=value lines, `[group:children]` of group
// names. Lines before any section are ungrouped hosts. `#` and `;` start a comment line; on a
// host line `#` outside quotes also ends it. A section that names a group no section defines is
// an error, as in Ansible.
import { InventoryProblem, shown } from './inventory-error.js';
import { expandHostPattern } from './host-range.js';
import { emptyVars, InventoryBuilder, type Inventory } from './inventory.js';
import { literalValue, shlexSplit } from './ini-value.js';

type State = 'hosts' | 'vars' | 'children';

const SECTION = /^\[([^:\]\s]+)(?::(\w+))?\]\s*(?:[#;].*)?$/;

export function parseIniInventory(text: string): Inventory {
  const inv = new InventoryBuilder();
  // Groups named by a :vars or :children section, or as a child, before anything defines them.
  const pending = new Map<string, { line: number; what: string }>();
  const define = (name: string) => pending.delete(name);
  let group = 'ungrouped';
  let state: State = 'hosts';
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.startsWith('[')) {
      const m = SECTION.exec(line);
      if (!m) throw new InventoryProblem(`${shown(line)} is not a section header like [group], [group:vars] or [group:children]`, lineNo);
      group = m[1];
      state = sectionState(m[2], lineNo);
      if (state === 'hosts') {
        inv.group(group, lineNo);
        define(group);
      } else if (state === 'children') {
        inv.group(group, lineNo);
        define(group);
      } else if (!inv.hasGroup(group) && !pending.has(group)) {
        pending.set(group, { line: lineNo, what: `the section [${group}:vars] is for a group that no section defines` });
      }
      continue;
    }
    if (state === 'hosts') hostLine(inv, group, line, lineNo);
    else if (state === 'vars') {
      const [key, value] = assignment(line, lineNo);
      inv.setGroupVar(group, key, value, lineNo);
    } else {
      const child = line.split(/\s+[#;]/)[0].trim();
      if (/\s/.test(child)) throw new InventoryProblem(`${shown(line)} is not one group name`, lineNo);
      if (!inv.hasGroup(child) && !pending.has(child))
        pending.set(child, { line: lineNo, what: `[${group}:children] names the group ${shown(child)}, which no section defines` });
      inv.addChild(group, child, lineNo);
    }
  }
  const [first] = pending.values();
  if (first) throw new InventoryProblem(first.what, first.line);
  return inv.build();
}

function sectionState(kind: string | undefined, line: number): State {
  if (kind === undefined || kind === 'hosts') return 'hosts';
  if (kind === 'vars' || kind === 'children') return kind;
  throw new InventoryProblem(`a section may be [group], [group:vars] or [group:children], not [...:${kind}]`, line);
}

function hostLine(inv: InventoryBuilder, group: string, line: string, lineNo: number): void {
  const words = shlexSplit(line);
  if (!Array.isArray(words)) throw new InventoryProblem(`a ${words.unclosed} quote is not closed`, lineNo);
  if (words.length === 0) return;
  const [pattern, ...assignments] = words;
  const vars = emptyVars();
  for (const word of assignments) {
    const eq = word.indexOf('=');
    if (eq <= 0) throw new InventoryProblem(`expected key=value after the host name, got ${shown(word)}`, lineNo);
    vars[word.slice(0, eq)] = literalValue(word.slice(eq + 1));
  }
  const { names, port } = expandHostPattern(pattern, lineNo);
  // Variables on the line win over the pattern's :port, as in Ansible.
  if (port !== undefined && vars.ansible_port === undefined) vars.ansible_port = port;
  for (const name of names) inv.addHost(group, name, vars, lineNo);
}

function assignment(line: string, lineNo: number): [string, unknown] {
  const eq = line.indexOf('=');
  if (eq <= 0) throw new InventoryProblem(`expected key=value, got ${shown(line)}`, lineNo);
  const key = line.slice(0, eq).trim();
  if (/\s/.test(key)) throw new InventoryProblem(`${shown(key)} is not a variable name`, lineNo);
  return [key, literalValue(line.slice(eq + 1).trim())];
}
