// Every file of the playbook directory, as text: the shared playbook, one host_vars file per host,
// an inventory that names the hosts, and the README. All YAML is written by the yaml library in
// YAML 1.1 (what Ansible reads: "no", "on" and "0644" come out quoted), and every string of the
// host vars is tagged !unsafe, so nothing a host's files or facts hold is ever templated.
import { Document, Scalar } from 'yaml';
import type { HostFacts } from '../facts/host-facts.js';
import type { Plan } from '../plan-model/plan.js';
import { hostPlan, type AnsibleHostPlan } from './host-vars.js';
import { playbook } from './playbook.js';
import { PLAYBOOK_FILE, playbookReadme } from './readme.js';

export interface AnsibleHostInput {
  /** The inventory name (checked by inventoryName()). */
  name: string;
  plan: Plan;
  facts: HostFacts;
}

export interface PlaybookFile {
  /** Relative to the output directory. */
  path: string;
  content: string;
}

export const INVENTORY_FILE = 'inventory.yml';

export function playbookFiles(hosts: readonly AnsibleHostInput[]): PlaybookFile[] {
  const plans = hosts.map((h) => ({ name: h.name, plan: hostPlan(h.plan, h.facts) }));
  return [
    { path: PLAYBOOK_FILE, content: yamlText(playbook(unsafe), '# The plan docker-harden made for each host, carried out with builtin modules only.\n') },
    ...plans.map(({ name, plan }) => ({ path: `host_vars/${name}.yml`, content: hostVarsText(plan) })),
    { path: INVENTORY_FILE, content: yamlText(inventory(plans.map((p) => p.name))) },
    { path: 'README.md', content: playbookReadme(plans) },
  ];
}

/** host_vars/<name>.yml: the plan under docker_harden_plan, every string !unsafe. */
export function hostVarsText(plan: AnsibleHostPlan): string {
  return yamlText({ docker_harden_plan: unsafeStrings(plan) }, `# docker-harden plan for profile ${oneLine(plan.profile)}; made again, not edited.\n`);
}

function inventory(names: readonly string[]): object {
  return { all: { children: { docker_harden: { hosts: Object.fromEntries(names.map((n) => [n, {}])) } } } };
}

function unsafe(text: string): Scalar {
  const node = new Scalar(text);
  node.tag = '!unsafe';
  return node;
}

function unsafeStrings(value: unknown): unknown {
  if (typeof value === 'string') return unsafe(value);
  if (Array.isArray(value)) return value.map(unsafeStrings);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unsafeStrings(v)]));
  return value;
}

function yamlText(value: unknown, header = ''): string {
  // lineWidth 0: no folding, so a long content line is written as it is.
  return header + new Document(value, { version: '1.1' }).toString({ lineWidth: 0 });
}

function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
}
