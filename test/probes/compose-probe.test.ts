import { afterEach, describe, expect, it } from 'vitest';
import { probeCompose } from '../../src/probes/compose-probe.js';
import type { EngineFacts } from '../../src/facts/host-facts.js';
import { tempRoot, type TempRoot } from './temp-root.js';

let root: TempRoot;
afterEach(() => root?.remove());

const container = (name: string, labels: Record<string, string>) => ({ Name: `/${name}`, Config: { Labels: labels } });
const engineWith = (containers: object[]): EngineFacts => ({ host: 'unix:///x', version: {}, info: {}, containers, images: [], networks: [] });

describe('probeCompose', () => {
  it('groups containers by project and reads the config files under the root', async () => {
    root = tempRoot();
    root.write('/srv/shop/compose.yml', 'services:\n  web:\n    image: nginx\n');
    root.write('/srv/shop/compose.override.yml', 'services:\n  web:\n    read_only: true\n');
    const shop = {
      'com.docker.compose.project': 'shop',
      'com.docker.compose.project.working_dir': '/srv/shop',
      'com.docker.compose.project.config_files': '/srv/shop/compose.yml,compose.override.yml',
    };
    const engine = engineWith([
      container('shop-web-2', { ...shop, 'com.docker.compose.service': 'web' }),
      container('shop-web-1', { ...shop, 'com.docker.compose.service': 'web' }),
      container('shop-db-1', { ...shop, 'com.docker.compose.service': 'db' }),
      container('loose', {}),
      container('gone-app-1', {
        'com.docker.compose.project': 'gone',
        'com.docker.compose.service': 'app',
        'com.docker.compose.project.config_files': '/srv/gone/docker-compose.yml',
      }),
    ]);
    const { value, status } = await probeCompose(root.dir, engine);
    expect(value).toEqual([
      {
        name: 'gone',
        workingDir: null,
        configFiles: [{ path: '/srv/gone/docker-compose.yml', content: null, error: '/srv/gone/docker-compose.yml does not exist' }],
        services: { app: ['gone-app-1'] },
      },
      {
        name: 'shop',
        workingDir: '/srv/shop',
        configFiles: [
          { path: '/srv/shop/compose.yml', content: 'services:\n  web:\n    image: nginx\n' },
          { path: '/srv/shop/compose.override.yml', content: 'services:\n  web:\n    read_only: true\n' },
        ],
        services: { web: ['shop-web-1', 'shop-web-2'], db: ['shop-db-1'] },
      },
    ]);
    expect(status).toEqual({ status: 'ok', message: '2 projects: gone, shop' });
  });

  it('has nothing to list without an engine', async () => {
    expect(await probeCompose('/', null)).toEqual({ value: [], status: { status: 'not-running', message: 'no engine to list containers from' } });
  });
});
