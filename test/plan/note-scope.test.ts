// Which files a warning is about comes from the plan's structure: a compose file is shown the
// warnings of its own project's services, never those of another project or of a container
// outside Compose, even where the same CIS item is closed in both.
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/plan/build-plan.js';
import { emptyFacts } from '../../src/facts/empty-facts.js';
import { section5Rules } from '../../src/rules/section5/index.js';
import { DEFAULT_PARAMS } from '../../src/rules/params.js';
import { warningsFor, planWideWarnings } from '../../src/wizard/model/plan-view.js';
import { planJson } from '../../src/plan/plan-json.js';
import { modesAsNumbers } from '../../src/core/file-mode.js';

function container(name: string, project: string | null, extra: Record<string, unknown> = {}) {
  const labels = project ? { 'com.docker.compose.project': project, 'com.docker.compose.service': 'app', 'com.docker.compose.version': '1.29.2' } : {};
  return {
    Name: `/${name}`,
    State: { Running: true },
    Config: { Image: 'busybox:1', Labels: labels },
    HostConfig: { RestartPolicy: { Name: 'always', MaximumRetryCount: 0 }, NetworkMode: 'bridge', ...extra },
  };
}

const BASE = 'services:\n  app:\n    image: busybox:1\n';
const project = (name: string) => ({
  name,
  workingDir: `/srv/${name}`,
  configFiles: [{ path: `/srv/${name}/docker-compose.yml`, content: BASE }],
  services: { app: [`${name}_app_1`] },
});

function plan() {
  const facts = emptyFacts({
    engine: {
      host: 'unix:///run/docker.sock',
      version: {},
      info: { SecurityOptions: [] },
      images: [],
      networks: [],
      containers: [container('shop_app_1', 'shop'), container('blog_app_1', 'blog'), container('solo', null)],
    },
    compose: [project('shop'), project('blog')],
  });
  return buildPlan({ facts, rules: section5Rules, params: DEFAULT_PARAMS, profileName: 'strict', compose: { existing: {} } });
}

describe('warnings grouped per file', () => {
  it('shows a compose file only the warnings about its own project', () => {
    const p = plan();
    const shop = p.files.find((f) => f.path === '/srv/shop/docker-compose.hardening.yml')!;
    const blog = p.files.find((f) => f.path === '/srv/blog/docker-compose.hardening.yml')!;
    expect(shop.closes).toContain('5.11');
    expect(blog.closes).toContain('5.11');
    const about = (name: string) => p.warnings.filter((w) => w.text.includes(name));
    // Each file gets its own container's 5.11 warning, and not the other project's or solo's.
    for (const [file, own, others] of [
      [shop, 'shop_app_1', ['blog_app_1', 'solo']],
      [blog, 'blog_app_1', ['shop_app_1', 'solo']],
    ] as const) {
      const shown = warningsFor(p, file);
      expect(shown.filter((w) => w.ruleId === '5.11' && w.text.includes(own))).toHaveLength(1);
      for (const other of others) expect(shown.filter((w) => w.text.includes(other))).toEqual([]);
    }
    // solo is changed live (docker update) or by recreating it: its warnings belong to no file,
    // and the whole plan's list names it alone.
    expect(about('solo').length).toBeGreaterThan(0);
    const wide = planWideWarnings(p).filter((w) => w.text.includes('solo'));
    expect(wide.map((w) => w.ruleId).sort()).toEqual(
      about('solo')
        .map((w) => w.ruleId)
        .sort(),
    );
    for (const w of wide) expect(w.text).not.toMatch(/shop_app_1|blog_app_1/);
  });

  it('keeps which files a note is about out of plan --format json', () => {
    const p = plan();
    expect(p.warnings.some((w) => w.paths !== undefined)).toBe(true);
    expect(planJson(p)).not.toContain('"paths"');
    expect(modesAsNumbers(JSON.parse(planJson(p)).files)).toEqual(JSON.parse(JSON.stringify(p.files)));
  });
});
