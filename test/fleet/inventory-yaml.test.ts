import { describe, expect, it } from 'vitest';
import { parseInventory } from '../../src/inventory/parse-inventory.js';

const hosts = (text: string, file = 'hosts.yml') => Object.fromEntries(parseInventory(text, file).hosts.map((h) => [h.name, h]));

describe('YAML inventory', () => {
  const text = `
all:
  vars:
    ansible_user: root
    site: eu
  hosts:
    bastion:
      ansible_host: 10.0.0.1
  children:
    prod:
      vars:
        ansible_user: ops
        common: &common { tier: production }
      children:
        web:
          hosts:
            web[01:02].example.com:
            web3:2222:
              ansible_host: 10.0.0.3
          vars:
            ansible_port: 22
            enabled: yes
        db:
          hosts: db1
    staging:
      hosts:
        web01.example.com:
          stage: true
`;

  it('reads hosts, ranges, :port, children and group vars with Ansible precedence', () => {
    const h = hosts(text);
    expect(Object.keys(h)).toEqual(['bastion', 'web01.example.com', 'web02.example.com', 'web3', 'db1']);
    // all < prod < web (deeper) ; staging and prod are both depth 1, ordered by name; the host's own last.
    expect({ ...h['web01.example.com'].vars }).toEqual({
      ansible_user: 'ops',
      site: 'eu',
      common: { tier: 'production' },
      ansible_port: 22,
      enabled: true,
      stage: true,
    });
    expect(h['web01.example.com'].groups).toEqual(['all', 'prod', 'staging', 'web']);
    // A :port in the pattern is the host's own ansible_port, over the group's.
    expect(h.web3.vars).toMatchObject({ ansible_host: '10.0.0.3', ansible_port: 2222 });
    expect(h.db1.groups).toEqual(['all', 'prod', 'db']);
    expect(h.bastion.groups).toEqual(['all', 'ungrouped']);
  });

  it('reads an empty file as no hosts, and a JSON inventory as YAML', () => {
    expect(parseInventory('', 'x.yml').hosts).toEqual([]);
    expect(hosts('{"all": {"hosts": {"h1": {"ansible_port": 2200}}}}', 'inv.json').h1.vars.ansible_port).toBe(2200);
  });

  it('takes __proto__ as a plain group, host and variable name', () => {
    const h = hosts('__proto__:\n  hosts:\n    __proto__:\n      __proto__: {polluted: 1}\n  vars:\n    constructor: 2\n');
    const proto = Object.getOwnPropertyDescriptor(h, '__proto__')?.value;
    expect(proto.groups).toEqual(['all', '__proto__']);
    expect(Object.getOwnPropertyDescriptor(proto.vars, '__proto__')?.value).toEqual({ polluted: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['all:\n  hosts:\n    web1: [1, 2]\n', 3, 'the variables of host "web1" must be a mapping'],
    ['all:\n  children: [a, b]\n', 2, 'children of the group "all" must be a mapping'],
    ['- web1\n- web2\n', 1, 'the top level must be a mapping of groups'],
    ['all:\n  hosts:\n    web1:\n  ansible_port: 1\n   bad: indentation\n', 4, 'Nested mappings are not allowed'],
    ['all:\n  hosts:\n    "web[5:1]":\n', 3, 'beginning comes after its end'],
    ['all:\n  children:\n    a:\n      children:\n        b:\n          children:\n            a:\n', 7, 'closes a loop of groups'],
    ['web: 5\n', 1, 'the group "web" must be a mapping'],
  ])('refuses %j at line %i', (input, line, why) => {
    let error: unknown;
    try {
      parseInventory(input, 'hosts.yml');
    } catch (err) {
      error = err;
    }
    expect(error).toMatchObject({ name: 'UserError', exitCode: 2 });
    expect((error as Error).message).toContain(`The inventory hosts.yml, line ${line}, does not parse: `);
    expect((error as Error).message).toContain(why);
  });

  it('stops an alias bomb instead of walking it', () => {
    const bomb = [
      'a: &a {hosts: {h: }}',
      ...Array.from({ length: 20 }, (_, i) => `g${i + 1}: &g${i + 1} {children: {x${i}: *${i === 0 ? 'a' : `g${i}`}, y${i}: *${i === 0 ? 'a' : `g${i}`}}}`),
    ].join('\n');
    const started = Date.now();
    expect(() => parseInventory(bomb, 'bomb.yml')).toThrow(/does not parse/);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
