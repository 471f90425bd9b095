// The inventory as Ansible builds it, whichever format it came from: groups with vars and
// children, hosts with their own vars, and at the end each host's variables merged in Ansible's
// order (all, then parent groups before their children, groups of one depth by name, then the
// host's own). Names live in Maps and vars in objects without a prototype, so a group or a
// variable called `__proto__` is only a name.
import { InventoryProblem, shown } from './inventory-error.js';
import { MAX_RANGE_HOSTS } from './host-range.js';

export type Vars = Record<string, unknown>;

export interface InventoryHost {
  /** The inventory name (what Ansible calls inventory_hostname). */
  name: string;
  /** Every variable that applies to the host, after group inheritance. */
  vars: Vars;
  /** The groups it belongs to, ancestors included, `all` first. */
  groups: string[];
}

export interface Inventory {
  /** In the order the file first names them. */
  hosts: InventoryHost[];
}

export const MAX_HOSTS = MAX_RANGE_HOSTS;
export const MAX_GROUPS = 10_000;
/** Host lines after their ranges are expanded, repeats included: `h[0:9999]` on 300 lines is 3 million. */
export const MAX_HOST_ENTRIES = 10 * MAX_HOSTS;
/** Hosts times the groups each belongs to (ancestors included): what merging the variables costs. */
export const MAX_MEMBERSHIPS = 1_000_000;

interface Group {
  vars: Vars;
  children: Map<string, number | undefined>;
  hosts: Set<string>;
}

export function emptyVars(): Vars {
  return Object.create(null) as Vars;
}

export class InventoryBuilder {
  private readonly groups = new Map<string, Group>();
  private readonly hosts = new Map<string, Vars>();
  private entries = 0;

  constructor() {
    this.group('all');
    this.group('ungrouped');
  }

  hasGroup(name: string): boolean {
    return this.groups.has(name);
  }

  group(name: string, line?: number): Group {
    let group = this.groups.get(name);
    if (group) return group;
    if (name === '' || /[\s\u0000-\u001f\u007f]/.test(name)) throw new InventoryProblem(`${shown(name)} is not a group name`, line);
    if (this.groups.size >= MAX_GROUPS) throw new InventoryProblem(`it has more than ${MAX_GROUPS} groups`, line);
    group = { vars: emptyVars(), children: new Map(), hosts: new Set() };
    this.groups.set(name, group);
    return group;
  }

  addHost(groupName: string, name: string, vars: Vars, line?: number): void {
    if (++this.entries > MAX_HOST_ENTRIES) throw new InventoryProblem(`it names hosts more than ${MAX_HOST_ENTRIES} times (ranges expanded)`, line);
    const own = this.hosts.get(name) ?? emptyVars();
    if (!this.hosts.has(name)) {
      if (this.hosts.size >= MAX_HOSTS) throw new InventoryProblem(`it names more than ${MAX_HOSTS} hosts`, line);
      this.hosts.set(name, own);
    }
    // A host named twice keeps both sets of variables; the later one wins where they overlap.
    Object.assign(own, vars);
    this.group(groupName, line).hosts.add(name);
  }

  setGroupVar(groupName: string, key: string, value: unknown, line?: number): void {
    this.group(groupName, line).vars[key] = value;
  }

  addChild(parent: string, child: string, line?: number): void {
    if (parent === child) throw new InventoryProblem(`the group ${shown(parent)} cannot be a child of itself`, line);
    this.group(child, line);
    this.group(parent, line).children.set(child, line);
  }

  build(): Inventory {
    const depth = this.depths();
    const parents = new Map<string, string[]>();
    for (const [name, g] of this.groups) for (const child of g.children.keys()) parents.set(child, [...(parents.get(child) ?? []), name]);
    const memberOf = new Map<string, Set<string>>();
    for (const [name, g] of this.groups) for (const host of g.hosts) (memberOf.get(host) ?? memberOf.set(host, new Set()).get(host)!).add(name);
    const hosts: InventoryHost[] = [];
    let memberships = 0;
    for (const [name, own] of this.hosts) {
      const direct: string[] = [...(memberOf.get(name) ?? [])];
      // A host in no group but all is in ungrouped, as Ansible puts it.
      if (!direct.some((g) => g !== 'all')) direct.push('ungrouped');
      const reached = ancestors(direct, parents);
      memberships += reached.size;
      if (memberships > MAX_MEMBERSHIPS) throw new InventoryProblem(`its hosts belong to more than ${MAX_MEMBERSHIPS} groups in all (parent groups included)`);
      const groups = [...reached].sort((a, b) => depth.get(a)! - depth.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
      const vars = emptyVars();
      for (const g of groups) Object.assign(vars, this.groups.get(g)!.vars);
      Object.assign(vars, own);
      hosts.push({ name, vars, groups });
    }
    return { hosts };
  }

  /**
   * Each group's depth below `all` (its longest path from it), by a topological walk that also
   * finds a loop of children, which Ansible refuses; no recursion, so a long chain is no risk.
   */
  private depths(): Map<string, number> {
    const all = this.groups.get('all')!;
    const isChild = new Set<string>();
    for (const g of this.groups.values()) for (const c of g.children.keys()) isChild.add(c);
    // A group no other group names as a child hangs under all, as in Ansible.
    for (const name of this.groups.keys()) if (name !== 'all' && !isChild.has(name)) all.children.set(name, undefined);
    const incoming = new Map<string, number>([...this.groups.keys()].map((n) => [n, 0]));
    for (const g of this.groups.values()) for (const c of g.children.keys()) incoming.set(c, incoming.get(c)! + 1);
    const depth = new Map<string, number>([...this.groups.keys()].map((n) => [n, 0]));
    const ready = [...incoming].filter(([, n]) => n === 0).map(([name]) => name);
    let done = 0;
    while (ready.length > 0) {
      const name = ready.pop()!;
      done++;
      for (const child of this.groups.get(name)!.children.keys()) {
        depth.set(child, Math.max(depth.get(child)!, depth.get(name)! + 1));
        incoming.set(child, incoming.get(child)! - 1);
        if (incoming.get(child) === 0) ready.push(child);
      }
    }
    if (done < this.groups.size) throw this.loopProblem(new Set([...incoming].filter(([, n]) => n > 0).map(([name]) => name)));
    return depth;
  }

  /** Every group left over has a parent left over: walking up from one must come round to a group twice. */
  private loopProblem(left: ReadonlySet<string>): InventoryProblem {
    const parentOf = new Map<string, string>();
    for (const p of left) for (const c of this.groups.get(p)!.children.keys()) if (left.has(c) && !parentOf.has(c)) parentOf.set(c, p);
    const parentIn = (child: string) => parentOf.get(child)!;
    const seen = new Set<string>();
    let child = [...left][0];
    while (!seen.has(child)) {
      seen.add(child);
      child = parentIn(child);
    }
    const parent = parentIn(child);
    const line = this.groups.get(parent)!.children.get(child);
    return new InventoryProblem(`making ${shown(child)} a child of ${shown(parent)} closes a loop of groups`, line);
  }
}

function ancestors(start: readonly string[], parents: ReadonlyMap<string, string[]>): Set<string> {
  const seen = new Set<string>(['all']);
  const queue = [...start];
  while (queue.length > 0) {
    const g = queue.pop()!;
    if (seen.has(g) && g !== 'all') continue;
    seen.add(g);
    queue.push(...(parents.get(g) ?? []).filter((p) => !seen.has(p)));
  }
  return seen;
}
