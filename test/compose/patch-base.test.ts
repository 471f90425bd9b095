// The base-file patch changes only the lines of the entries it removes or rewrites: comments,
// quote styles, indentation and blank lines stay; where it cannot edit line by line it falls back
// to re-serialising, which is still correct.
import { describe, expect, it } from 'vitest';
import { patchComposeFile, type ServiceOp } from '../../src/compose/patch-base.js';
import type { BaseAction, BaseOp } from '../../src/compose/placement.js';
import { capName } from '../../src/compose/service-reading.js';
import { composeJs, parseCompose } from '../../src/compose/yaml-io.js';

const BASE = `# top comment
version: "3.8"

services:
    web:   # four-space indent on purpose
        image: nginx:1.25
        network_mode: host      # was needed for the old agent
        cap_add:
          - ALL          # everything
          - NET_ADMIN
        ports: [ '8080:80', "9090:90" ]
        privileged: yes

    db:
        image: postgres:16
        ports:
          - 5432:5432
          - target: 6000
            published: 6000
        security_opt: [seccomp:unconfined]
`;

const op = (o: BaseAction & { path: string[] }): BaseOp => ({ rules: ['5.x'], what: 'test', ...o });
const lines = (text: string) => text.split('\n');

describe('patchComposeFile', () => {
  it('removes a key, a block list entry and a flow list entry, and rewrites scalars in their quote style', () => {
    const ops: ServiceOp[] = [
      { service: 'web', op: op({ action: 'remove-key', path: ['network_mode'] }) },
      { service: 'web', op: op({ action: 'remove-items', path: ['cap_add'], match: (i) => capName(i) === 'ALL' }) },
      { service: 'web', op: op({ action: 'replace-items', path: ['ports'], match: (i) => String(i).startsWith('8080'), replace: (i) => `127.0.0.1:${i}` }) },
      { service: 'web', op: op({ action: 'set', path: ['privileged'], value: false }) },
      {
        service: 'db',
        op: op({
          action: 'replace-items',
          path: ['ports'],
          match: () => true,
          replace: (i) => (typeof i === 'string' ? `127.0.0.1:${i}` : { ...(i as object), host_ip: '127.0.0.1' }),
        }),
      },
      { service: 'db', op: op({ action: 'remove-items', path: ['security_opt'], match: () => true }) },
    ];
    const r = patchComposeFile(BASE, ops);
    expect(r.reformatted).toBe(false);
    expect(r.applied.size).toBe(6);
    expect(r.text).toBe(`# top comment
version: "3.8"

services:
    web:   # four-space indent on purpose
        image: nginx:1.25
        cap_add:
          - NET_ADMIN
        ports: [ '127.0.0.1:8080:80', "9090:90" ]
        privileged: false

    db:
        image: postgres:16
        ports:
          - "127.0.0.1:5432:5432"
          - target: 6000
            published: 6000
            host_ip: "127.0.0.1"
`);
  });

  it('rewrites a long-syntax entry as a short one on its own lines', () => {
    const r = patchComposeFile(BASE, [
      { service: 'db', op: op({ action: 'replace-items', path: ['ports'], match: (i) => typeof i === 'object', replace: () => '127.0.0.1:6000:6000' }) },
    ]);
    expect(r.reformatted).toBe(false);
    expect(lines(r.text).slice(16, 19)).toEqual(['          - 5432:5432', '          - "127.0.0.1:6000:6000"', '        security_opt: [seccomp:unconfined]']);
  });

  it('removes a flow list that loses its last entry, and leaves files without the key alone', () => {
    const r = patchComposeFile(BASE, [
      { service: 'web', op: op({ action: 'remove-items', path: ['ports'], match: () => true }) },
      { service: 'db', op: op({ action: 'remove-key', path: ['pid'] }) },
    ]);
    expect(lines(BASE).filter((l) => !lines(r.text).includes(l))).toEqual([`        ports: [ '8080:80', "9090:90" ]`]);
    expect(r.applied.size).toBe(1);
  });

  it('does not touch a value that comes from an anchor', () => {
    const text = 'x-common: &common\n  cap_add: [ALL]\nservices:\n  a:\n    <<: *common\n    image: x\n';
    const r = patchComposeFile(text, [{ service: 'a', op: op({ action: 'remove-items', path: ['cap_add'], match: () => true }) }]);
    expect(r.applied.size).toBe(0);
    expect(r.text).toBe(text);
  });

  it('re-serialises a service written as a flow mapping, with the same result', () => {
    const text = 'services:\n  a: {image: x, network_mode: host, pid: host}\n';
    const r = patchComposeFile(text, [{ service: 'a', op: op({ action: 'remove-key', path: ['network_mode'] }) }]);
    expect(r.reformatted).toBe(true);
    expect(composeJs(parseCompose(r.text))).toEqual({ services: { a: { image: 'x', pid: 'host' } } });
  });
});
