// Switching files off in Review builds the plan again without them: the steps, closed ids and
// notes follow from what is still written, for real host fixtures and their shipped profiles.
import { describe, expect, it } from 'vitest';
import { withoutFiles } from '../../src/wizard/without-files.js';
import { closedIds } from '../../src/plan/closed-ids.js';
import { buildPlan } from '../../src/plan/build-plan.js';
import { renderScript } from '../../src/script/render-script.js';
import { planForHost } from '../e2e/support/hosts.js';

const DAEMON_JSON = '/etc/docker/daemon.json';
const ENV_FILE = '/etc/profile.d/docker-content-trust.sh';

describe('withoutFiles', () => {
  it('drops the file, what only it closed, the notes about it and the steps only it needed', async () => {
    const planned = await planForHost('ubuntu-docker-ce-swarm', 'strict');
    const { plan } = planned;
    expect(plan.steps.map((s) => s.id)).toEqual(['audit-load', 'docker-restart']);
    expect(plan.warnings.some((w) => w.text.startsWith('Restarting docker '))).toBe(true);
    const daemonIds = plan.files.find((f) => f.path === DAEMON_JSON)!.closes;

    const out = withoutFiles(planned, [DAEMON_JSON]);
    expect(out.files.map((f) => f.path)).toEqual(plan.files.map((f) => f.path).filter((p) => p !== DAEMON_JSON));
    expect(closedIds(out)).toEqual(closedIds(plan).filter((id) => !daemonIds.includes(id)));
    // No restart for a daemon.json that is not written, and so no warning that it stops containers.
    expect(out.steps.map((s) => s.id)).toEqual(['audit-load']);
    expect(out.warnings.filter((w) => w.text.startsWith('Restarting docker '))).toEqual([]);
    expect(out.warnings.filter((w) => w.paths?.includes(DAEMON_JSON) || daemonIds.includes(w.ruleId ?? ''))).toEqual([]);
    expect(out.permissions).toEqual(plan.permissions);
    expect(out.root).toBe(plan.root);
  });

  it('keeps the steps and notes of the files still written', async () => {
    const planned = await planForHost('debian-docker-io', 'strict');
    const out = withoutFiles(planned, [ENV_FILE]);
    expect(out.steps).toEqual(planned.plan.steps);
    expect(out.files.map((f) => f.path)).not.toContain(ENV_FILE);
    expect(out.warnings.filter((w) => w.text.includes('content-trust') || w.ruleId === '4.5')).toEqual([]);
    expect(planned.plan.warnings.filter((w) => w.ruleId === '4.5')).toHaveLength(2);
    // Every other note is still there, word for word.
    const kept = (ws: { ruleId?: string }[]) => ws.filter((w) => w.ruleId !== '4.5');
    expect(kept(out.warnings)).toEqual(kept(planned.plan.warnings));
    expect(out.manual).toEqual(planned.plan.manual);
  });

  it('drops a drop-in, and with it systemd daemon-reload, while daemon.json still restarts the daemon', async () => {
    const planned = await planForHost('debian-docker-io', 'strict');
    const dropIns = planned.plan.files.filter((f) => f.artifact === 'systemd-dropin').map((f) => f.path);
    expect(dropIns).toHaveLength(2);
    const out = withoutFiles(planned, dropIns);
    expect(out.steps.map((s) => s.id)).not.toContain('systemd-daemon-reload');
    expect(out.steps.map((s) => s.id)).not.toContain('docker-socket-restart');
    expect(out.steps.map((s) => s.id).filter((id) => id.startsWith('docker-re'))).not.toEqual([]);
  });

  it('leaves the plan as it is when nothing it writes is switched off, and never mutates it', async () => {
    const planned = await planForHost('debian-docker-io', 'strict');
    const copy = structuredClone(planned.plan);
    expect(withoutFiles(planned, [])).toBe(planned.plan);
    expect(withoutFiles(planned, ['/etc/hosts', '/not/in/plan'])).toBe(planned.plan);
    withoutFiles(planned, [DAEMON_JSON]);
    expect(planned.plan).toEqual(copy);
    // Excluding nothing through buildPlan makes the same plan.
    expect({ ...buildPlan({ ...planned.input, exclude: ['/not/in/plan'] }), root: planned.plan.root }).toEqual(planned.plan);
  });

  it('makes a script that no longer touches the file, for a real strict plan', async () => {
    const planned = await planForHost('debian-docker-io', 'strict');
    expect(renderScript(planned.plan)).toContain(ENV_FILE);
    const script = renderScript(withoutFiles(planned, [ENV_FILE]));
    expect(script).not.toContain(ENV_FILE);
    expect(script).toContain(DAEMON_JSON);
  });
});
