import { describe, expect, it } from 'vitest';
import { isWildcardHost, parsePort, rebindPort } from '../../src/rules/workload/port-entries.js';
import { parseVolume, readOnlyVolume, volumeTarget } from '../../src/compose/volumes.js';
import { mergeServices } from '../../src/compose/merge-services.js';

describe('ports', () => {
  it.each([
    ['80', { hostIp: null, published: null, target: '80', protocol: null }],
    [80, { hostIp: null, published: null, target: '80', protocol: null }],
    ['8080:80', { hostIp: null, published: '8080', target: '80', protocol: null }],
    ['0.0.0.0:8080:80/udp', { hostIp: '0.0.0.0', published: '8080', target: '80', protocol: 'udp' }],
    ['127.0.0.1::80', { hostIp: '127.0.0.1', published: null, target: '80', protocol: null }],
    ['[::1]:8080:80', { hostIp: '::1', published: '8080', target: '80', protocol: null }],
    ['::1:8080:80', { hostIp: '::1', published: '8080', target: '80', protocol: null }],
    ['9000-9001:9000-9001', { hostIp: null, published: '9000-9001', target: '9000-9001', protocol: null }],
    [
      { target: 80, published: 8080, host_ip: '::' },
      { hostIp: '::', published: '8080', target: '80', protocol: null },
    ],
  ])('parses %j', (entry, spec) => {
    expect(parsePort(entry)).toEqual(spec);
  });

  it('tells wildcard addresses from specific ones', () => {
    expect([null, '0.0.0.0', '::', '127.0.0.1', '10.0.0.5'].map(isWildcardHost)).toEqual([true, true, true, false, false]);
  });

  it('rebinds in the syntax written, long syntax only where host_ip is understood', () => {
    expect(rebindPort('8080:80/udp', '127.0.0.1')).toBe('127.0.0.1:8080:80/udp');
    expect(rebindPort(80, '127.0.0.1')).toBe('127.0.0.1::80');
    expect(rebindPort('8080:80', '::1')).toBe('[::1]:8080:80');
    expect(rebindPort({ target: 80, published: 8080 }, '127.0.0.1', true)).toEqual({ target: 80, published: 8080, host_ip: '127.0.0.1' });
    expect(rebindPort({ target: 80, published: 8080, protocol: 'tcp' }, '127.0.0.1', false)).toBe('127.0.0.1:8080:80/tcp');
  });
});

describe('volumes', () => {
  it.each([
    ['/etc:/host-etc', { kind: 'bind', source: '/etc', target: '/host-etc', readOnly: false }],
    ['/etc/:/host-etc:ro,z', { kind: 'bind', source: '/etc', target: '/host-etc', readOnly: true }],
    ['./conf:/conf', { kind: 'bind', source: '/srv/app/conf', target: '/conf', readOnly: false }],
    ['../../etc:/e', { kind: 'bind', source: '/etc', target: '/e', readOnly: false }],
    ['~/x:/x', { kind: 'bind', source: null, target: '/x', readOnly: false }],
    ['data:/data', { kind: 'volume', source: null, target: '/data', readOnly: false }],
    ['/anonymous', { kind: 'volume', source: null, target: '/anonymous', readOnly: false }],
    [
      { type: 'bind', source: '/var/run/docker.sock', target: '/s', read_only: true },
      { kind: 'bind', source: '/var/run/docker.sock', target: '/s', readOnly: true },
    ],
  ])('parses %j', (entry, spec) => {
    expect(parseVolume(entry, '/srv/app')).toEqual(spec);
  });

  it('makes a mount read-only in its own syntax, keeping its other options', () => {
    expect(readOnlyVolume('/etc:/host-etc')).toBe('/etc:/host-etc:ro');
    expect(readOnlyVolume('/etc:/host-etc:rw,z')).toBe('/etc:/host-etc:ro,z');
    expect(readOnlyVolume({ type: 'bind', source: '/etc', target: '/e' })).toEqual({ type: 'bind', source: '/etc', target: '/e', read_only: true });
    expect(volumeTarget({ target: '/e' })).toBe('/e');
  });
});

describe('mergeServices', () => {
  it('merges the way both Compose generations agree on', () => {
    const merged = mergeServices([
      {
        services: {
          s: {
            image: 'a',
            cap_add: ['NET_ADMIN'],
            volumes: ['/etc:/e', 'd:/d'],
            ports: ['80:80'],
            command: ['a', 'b'],
            deploy: { resources: { limits: { cpus: '1' } } },
          },
        },
      },
      {
        services: {
          s: {
            image: 'b',
            cap_add: ['NET_ADMIN', 'CHOWN'],
            volumes: ['/etc:/e:ro'],
            ports: ['127.0.0.1:80:80'],
            command: ['c'],
            deploy: { resources: { limits: { memory: '1g' } } },
          },
          t: { image: 'x' },
        },
      },
    ]);
    expect(merged).toEqual({
      s: {
        image: 'b',
        cap_add: ['NET_ADMIN', 'CHOWN'],
        volumes: ['d:/d', '/etc:/e:ro'],
        ports: ['80:80', '127.0.0.1:80:80'],
        command: ['c'],
        deploy: { resources: { limits: { cpus: '1', memory: '1g' } } },
      },
      t: { image: 'x' },
    });
  });
});
