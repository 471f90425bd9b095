// Every docker command a plan runs or advises names the engine the plan was made for: steps,
// script, patch sidecar and recreate advice. The default socket may go without -H.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { HostFacts } from '../../src/facts/host-facts.js';
import { makePlan } from '../../src/services/plan-source.js';
import { renderScript } from '../../src/script/render-script.js';
import { renderPatchSidecar } from '../../src/patch/render-patch.js';
import { hostFile } from '../e2e/support/hosts.js';

const ENDPOINT = 'unix:///tmp/a dir/docker.sock';

async function planOn(host: string | null) {
  const facts = JSON.parse(readFileSync(hostFile('debian-docker-io'), 'utf8')) as HostFacts;
  if (host !== null) facts.engine!.host = host;
  // A privileged container gets recreate advice (what docker update cannot change).
  facts.engine!.containers[0].HostConfig.Privileged = true;
  return (await makePlan({ from: hostFile('debian-docker-io'), root: '/', dockerHost: 'unix:///elsewhere.sock', profile: 'strict' }, facts)).plan;
}

describe('the plan endpoint', () => {
  it('a non-default endpoint: every docker command carries -H, in argv and in shell text', async () => {
    const plan = await planOn(ENDPOINT);
    expect(plan.endpoint).toBe(ENDPOINT);
    const docker = plan.steps.filter((s) => s.command[0] === 'docker');
    expect(docker.length).toBeGreaterThan(0);
    for (const s of docker) expect(s.command.slice(0, 4)).toEqual(['docker', '-H', ENDPOINT, 'update']);
    expect(renderPatchSidecar(plan)).toMatchObject({
      endpoint: ENDPOINT,
      steps: expect.arrayContaining([expect.objectContaining({ command: docker[0].command })]),
    });
    const script = renderScript(plan);
    expect(script).toContain(`docker -H 'unix:///tmp/a dir/docker.sock' update`);
    expect(script).toMatch(/restore_container c\d+ [a-z,-]+ docker -H 'unix:\/\/\/tmp\/a dir\/docker.sock' \|\| KEPT=1/);
    const recreate = plan.manual.find((m) => m.text.startsWith('Recreate container'));
    expect(recreate?.text).toContain("use `docker -H 'unix:///tmp/a dir/docker.sock' ...` for it.");
  });

  it('the default socket: no -H, and no endpoint in the plan', async () => {
    const plan = await planOn(null);
    expect(plan.endpoint).toBeUndefined();
    expect(plan.steps.filter((s) => s.command[0] === 'docker').every((s) => s.command[1] === 'update')).toBe(true);
  });
});
