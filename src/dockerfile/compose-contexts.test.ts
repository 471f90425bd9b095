import { describe, expect, it } from 'vitest';
import { composeBuildTargets } from './compose-contexts.js';
import type { ComposeProjectFacts } from '../facts/host-facts.js';

const project = (content: string | null, workingDir: string | null = null): ComposeProjectFacts => ({
  name: 'shop',
  workingDir,
  configFiles: [{ path: '/srv/shop/compose.yaml', content }],
  services: {},
});

describe('composeBuildTargets', () => {
  it('reads build as a string and as {context, dockerfile}, relative to the project directory', () => {
    const yaml = [
      'services:',
      '  web:',
      '    build: ./web',
      '  api:',
      '    build:',
      '      context: api',
      '      dockerfile: docker/Dockerfile.prod',
      '  db:',
      '    image: postgres:16',
      '  remote:',
      '    build: https://github.com/o/r.git#main',
      '  inline:',
      '    build:',
      '      dockerfile_inline: "FROM alpine"',
    ].join('\n');
    expect(composeBuildTargets({ compose: [project(yaml)] })).toEqual([
      { dockerfile: '/srv/shop/web/Dockerfile', context: '/srv/shop/web', project: 'shop', service: 'web' },
      { dockerfile: '/srv/shop/api/docker/Dockerfile.prod', context: '/srv/shop/api', project: 'shop', service: 'api' },
    ]);
    expect(composeBuildTargets({ compose: [project('services:\n  w:\n    build: .\n', '/opt/other')] })[0].context).toBe('/opt/other');
  });

  it('skips files that could not be read or do not parse', () => {
    expect(composeBuildTargets({ compose: [project(null), project('services: [unclosed')] })).toEqual([]);
  });
});
