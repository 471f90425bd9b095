import { describe, expect, it } from 'vitest';
import { parseDockerHost, sameEndpoint } from '../../src/probes/docker-host.js';
import { UserError } from '../../src/core/errors.js';

describe('parseDockerHost', () => {
  it.each([
    ['unix:///var/run/docker.sock', { kind: 'unix', socketPath: '/var/run/docker.sock', url: 'unix:///var/run/docker.sock' }],
    ['unix:///tmp//x/../d.sock', { kind: 'unix', socketPath: '/tmp/d.sock', url: 'unix:///tmp/d.sock' }],
    ['tcp://10.0.0.5:2376', { kind: 'tcp', host: '10.0.0.5', port: 2376, url: 'tcp://10.0.0.5:2376' }],
    ['tcp://docker.example', { kind: 'tcp', host: 'docker.example', port: 2375, url: 'tcp://docker.example:2375' }],
    ['tcp://[::1]:2375', { kind: 'tcp', host: '::1', port: 2375, url: 'tcp://[::1]:2375' }],
  ])('accepts %s', (value, expected) => {
    expect(parseDockerHost(value)).toEqual(expected);
  });

  it.each([
    ['ftp://x', /uses ftp:\/\//],
    ['ssh://user@host', /uses ssh:\/\//],
    ['fd://', /daemon-side address/],
    ['unix://relative.sock', /absolute socket path/],
    ['/var/run/docker.sock', /not a unix:\/\/ or tcp:\/\/ address/],
    ['tcp://host:99999', /invalid port/],
    ['', /not a unix:\/\/ or tcp:\/\/ address/],
  ])('rejects %j with one sentence', (value, message) => {
    let error: unknown;
    try {
      parseDockerHost(value);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(message);
    expect((error as UserError).message.split('\n')).toHaveLength(1);
  });
});

describe('sameEndpoint', () => {
  it('matches dockerd -H values to the endpoint the tool uses', () => {
    const sock = parseDockerHost('unix:///run/docker.sock');
    expect(sameEndpoint(sock, 'unix:///run/docker.sock')).toBe(true);
    expect(sameEndpoint(sock, 'unix:///tmp/other.sock')).toBe(false);
    expect(sameEndpoint(sock, 'fd://')).toBe(false);
    const tcp = parseDockerHost('tcp://127.0.0.1:2376');
    expect(sameEndpoint(tcp, 'tcp://0.0.0.0:2376')).toBe(true);
    expect(sameEndpoint(tcp, 'tcp://127.0.0.1:2375')).toBe(false);
  });
});
