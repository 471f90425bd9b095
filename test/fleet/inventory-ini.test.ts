import { describe, expect, it } from 'vitest';
import { parseInventory } from '../../src/inventory/parse-inventory.js';

const hosts = (text: string, file = 'hosts.ini') => Object.fromEntries(parseInventory(text, file).hosts.map((h) => [h.name, h]));

describe('INI inventory', () => {
  const text = [
    '# fleet',
    'bastion ansible_host=10.0.0.1',
    '',
    '[web]',
    'web[1:2].example.com ansible_user=deploy',
    'web3 ansible_host=\'10.0.0.3\' ansible_port=2222 note="two words" # a comment',
    '',
    '[db]',
    'db1:2200',
    '',
    '[prod:children]',
    'web',
    'db',
    '',
    '[prod:vars]',
    'ansible_user=ops',
    'tier = "production"',
    '; an INI comment',
    '[web:vars]',
    'ansible_port=22',
    'flag=True',
    '[all:vars]',
    'ansible_user=root',
    'site=eu',
  ].join('\n');

  it('reads hosts, ranges, inline vars, children and group vars with Ansible precedence', () => {
    const h = hosts(text);
    expect(Object.keys(h)).toEqual(['bastion', 'web1.example.com', 'web2.example.com', 'web3', 'db1']);
    // all < prod (parent) < web (child) < the host's own line.
    expect({ ...h['web1.example.com'].vars }).toEqual({ ansible_user: 'deploy', ansible_port: 22, tier: 'production', flag: true, site: 'eu' });
    expect({ ...h.web3.vars }).toEqual({
      ansible_host: '10.0.0.3',
      ansible_port: 2222,
      note: 'two words',
      ansible_user: 'ops',
      tier: 'production',
      flag: true,
      site: 'eu',
    });
    expect({ ...h.db1.vars }).toEqual({ ansible_port: 2200, ansible_user: 'ops', tier: 'production', site: 'eu' });
    expect({ ...h.bastion.vars }).toEqual({ ansible_host: '10.0.0.1', ansible_user: 'root', site: 'eu' });
    expect(h.bastion.groups).toEqual(['all', 'ungrouped']);
    expect(h.web3.groups).toEqual(['all', 'prod', 'web']);
  });

  it('reads values as Python literals, as Ansible does', () => {
    const h = hosts("h a=1 b=0644 c=1.5 d=False e=None f='x y' g=[1,2] i=-3 j=\"'q'\"");
    expect({ ...h.h.vars }).toEqual({ a: 1, b: '0644', c: 1.5, d: false, e: null, f: 'x y', g: [1, 2], i: -3, j: 'q' });
  });

  it('takes a group and a variable named __proto__ as plain names', () => {
    const h = hosts('[__proto__]\nx __proto__=1 constructor=2\n[__proto__:vars]\npolluted=yes\n');
    expect(h.x.groups).toEqual(['all', '__proto__']);
    expect(h.x.vars.polluted).toBe('yes');
    expect(Object.getOwnPropertyDescriptor(h.x.vars, '__proto__')?.value).toBe(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['[web\nweb1', 1, '"[web" is not a section header'],
    ['[web:stuff]\nweb1', 1, 'not [...:stuff]'],
    ['[web]\nweb1 ansible_port', 2, 'expected key=value after the host name, got "ansible_port"'],
    ['[web]\nweb1 a="x', 2, 'a " quote is not closed'],
    ['w1\n[web:vars]\na=1', 2, 'the section [web:vars] is for a group that no section defines'],
    ['[web]\nw1\n[web:vars]\nnot an assignment', 4, 'expected key=value, got "not an assignment"'],
    ['[p:children]\nmissing', 2, '[p:children] names the group "missing", which no section defines'],
    ['[a:children]\nb\n[b:children]\na', 4, 'closes a loop of groups'],
    ['[web]\nweb[9:1]', 2, 'beginning comes after its end'],
    ['[web]\nh[0:99][0:99][0:99]', 2, 'more than 10000 hosts'],
  ])('refuses %j at line %i', (input, line, why) => {
    let error: unknown;
    try {
      parseInventory(input, 'fleet/hosts.ini');
    } catch (err) {
      error = err;
    }
    expect(error).toMatchObject({ name: 'UserError', exitCode: 2 });
    const message = (error as Error).message;
    expect(message).toContain(`The inventory fleet/hosts.ini, line ${line}, does not parse: `);
    expect(message).toContain(why);
  });

  it('refuses a file too large to be an inventory, before reading it', () => {
    expect(() => parseInventory(`# ${'x'.repeat(5 * 1024 * 1024)}`, 'big.ini')).toThrow('The inventory big.ini does not parse: it is larger than 4 MiB.');
  });

  it('reads a file without an extension as INI or YAML by its first line', () => {
    expect(hosts('[web]\nw1', 'hosts').w1.groups).toEqual(['all', 'web']);
    expect(hosts('w1 a=1', 'hosts').w1.vars.a).toBe(1);
    expect(hosts('all:\n  hosts:\n    w1:\n', 'hosts').w1.groups).toEqual(['all', 'ungrouped']);
  });
});
