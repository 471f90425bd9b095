// Ansible's YAML inventory: groups at the top (usually `all`), each a mapping of `hosts` (host
// pattern -> its vars), `vars` and `children` (group name -> the same shape again). Read as YAML
// 1.1, as Ansible's PyYAML reads it. The tree is walked node by node so every error has its line,
// and the walk is bounded: aliases cannot make it visit more than MAX_NODES entries.
import { isAlias, isMap, isScalar, LineCounter, parseDocument, visit, type Document, type Node, type Pair } from 'yaml';
import { InventoryProblem, shown } from './inventory-error.js';
import { expandHostPattern } from './host-range.js';
import { emptyVars, InventoryBuilder, type Inventory, type Vars } from './inventory.js';

const MAX_NODES = 100_000;
const MAX_NESTING = 64;

export function parseYamlInventory(text: string): Inventory {
  const lines = new LineCounter();
  const doc = parseDocument(text, { version: '1.1', lineCounter: lines, uniqueKeys: false, prettyErrors: true });
  const [error] = doc.errors;
  if (error) throw new InventoryProblem(error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''), error.linePos?.[0].line);
  const walk = new Walk(doc, lines);
  const top = walk.resolve(doc.contents);
  if (top == null || (isScalar(top) && top.value == null)) return new InventoryBuilder().build();
  if (!isMap(top)) throw walk.problem(top, 'the top level must be a mapping of groups (all: hosts/children/vars)');
  for (const pair of top.items) walk.group(walk.key(pair), pair.value as Node | null, 0);
  return walk.inv.build();
}

class Walk {
  readonly inv = new InventoryBuilder();
  private visited = 0;
  /** Anchored nodes by name, in document order: the library's own lookup walks the whole document per alias. */
  private readonly anchors = new Map<string, Node[]>();

  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {
    visit(doc, (_key, node) => {
      if (node && typeof (node as Node).anchor === 'string') {
        const name = (node as Node).anchor!;
        this.anchors.set(name, [...(this.anchors.get(name) ?? []), node as Node]);
      }
    });
  }

  resolve(node: unknown): Node | null {
    if (++this.visited > MAX_NODES) throw new InventoryProblem(`it has more than ${MAX_NODES} entries (aliases included)`);
    if (node == null) return null;
    if (!isAlias(node)) return node as Node;
    // The nearest anchor of that name before the alias, as YAML defines it.
    const at = node.range?.[0] ?? Number.MAX_SAFE_INTEGER;
    const found = (this.anchors.get(node.source) ?? []).filter((n) => (n.range?.[0] ?? 0) < at).at(-1);
    return found ?? null;
  }

  line(node: Node | null | undefined): number | undefined {
    const at = node?.range?.[0];
    return at === undefined ? undefined : this.lines.linePos(at).line;
  }

  problem(node: Node | null | undefined, message: string): InventoryProblem {
    return new InventoryProblem(message, this.line(node));
  }

  key(pair: Pair): string {
    const key = this.resolve(pair.key);
    if (!isScalar(key) || key.value == null || typeof key.value === 'object') throw this.problem(key, 'a key here must be a name');
    if (key.value === '<<') throw this.problem(key, 'a merge key (<<) can only merge variables, not hosts or groups');
    return String(key.value);
  }

  group(name: string, raw: Node | null, nesting: number): void {
    const node = this.resolve(raw);
    if (nesting > MAX_NESTING) throw this.problem(node, `groups are nested more than ${MAX_NESTING} deep`);
    const line = this.line(node);
    this.inv.group(name, line);
    if (node == null || (isScalar(node) && node.value == null)) return;
    if (!isMap(node)) throw this.problem(node, `the group ${shown(name)} must be a mapping of hosts, vars and children`);
    for (const pair of node.items) {
      const section = this.key(pair);
      const value = this.resolve(pair.value);
      if (value == null || (isScalar(value) && value.value == null)) continue;
      // Ansible skips other keys of a group with a warning; they hold nothing it uses.
      if (section !== 'hosts' && section !== 'vars' && section !== 'children') continue;
      if (isScalar(value) && typeof value.value === 'string' && section !== 'vars') {
        // `hosts: web1` is short for `hosts: {web1: }`, as Ansible allows.
        if (section === 'hosts') this.hosts(name, value.value, null);
        else this.child(name, value.value, null, nesting, value);
        continue;
      }
      if (!isMap(value)) throw this.problem(value, `${section} of the group ${shown(name)} must be a mapping`);
      for (const entry of value.items) {
        const key = this.key(entry);
        if (section === 'vars') this.inv.setGroupVar(name, key, this.value(entry.value as Node | null), this.line(entry.key as Node));
        else if (section === 'hosts') this.hosts(name, key, entry.value as Node | null, this.line(entry.key as Node));
        else this.child(name, key, entry.value as Node | null, nesting, entry.key as Node);
      }
    }
  }

  private child(parent: string, child: string, raw: Node | null, nesting: number, at: Node): void {
    this.group(child, raw, nesting + 1);
    this.inv.addChild(parent, child, this.line(at));
  }

  private hosts(group: string, pattern: string, raw: Node | null, line?: number): void {
    const node = this.resolve(raw);
    let vars: Vars = emptyVars();
    if (node != null && !(isScalar(node) && node.value == null)) {
      if (!isMap(node)) throw this.problem(node, `the variables of host ${shown(pattern)} must be a mapping`);
      vars = this.value(node) as Vars;
    }
    const { names, port } = expandHostPattern(pattern, line);
    if (port !== undefined && vars.ansible_port === undefined) vars = Object.assign(emptyVars(), vars, { ansible_port: port });
    for (const name of names) this.inv.addHost(group, name, vars, line);
  }

  /** A variable's value as plain data; a mapping comes back without a prototype. */
  private value(raw: Node | null): unknown {
    const node = this.resolve(raw);
    if (node == null) return null;
    const value = node.toJS(this.doc, { maxAliasCount: 100, mapAsMap: false });
    return isMap(node) ? Object.assign(emptyVars(), value) : value;
  }
}
