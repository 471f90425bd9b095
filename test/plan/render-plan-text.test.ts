import { describe, expect, it } from 'vitest';
import { formatPlanText } from '../../src/plan/render-plan-text.js';
import { fileChange } from '../../src/plan-model/file-change.js';
import type { Plan } from '../../src/plan-model/plan.js';

const plan = (files: Plan['files'], extra: Partial<Plan> = {}): Plan => ({
  profile: 'baseline',
  facts: { source: 'file', collectedAt: '2026-01-01T00:00:00.000Z', root: '/' },
  files,
  permissions: [],
  steps: [],
  warnings: [],
  manual: [],
  refused: [],
  ...extra,
});
const daemon = fileChange({
  path: '/etc/docker/daemon.json',
  before: '{\n  "debug": true\n}\n',
  after: '{\n  "debug": true,\n  "icc": false\n}\n',
  mode: 0o644,
  closes: ['2.2'],
  artifact: 'daemon-json',
});

describe('plan as text', () => {
  it('shows a unified diff per changed file, refusals and a summary', () => {
    const text = formatPlanText(
      plan([daemon], {
        permissions: [{ path: '/etc/docker', mode: 0o755, fromMode: 0o775, owner: 'root', fromOwner: 'alice', closes: ['3.5', '3.6'] }],
        refused: [{ ruleId: '2.16', key: 'live-restore', text: 'live-restore is incompatible with swarm mode' }],
        steps: [
          { id: 'docker-restart', description: 'Restart dockerd', command: ['systemctl', 'restart', 'docker'], when: 'after-files', reason: 'icc changed.' },
        ],
      }),
      { color: false },
    );
    expect(text).toBe(
      [
        'Plan for profile baseline (facts from file at 2026-01-01T00:00:00.000Z; writes under root /)',
        '',
        'Files',
        '  modify    /etc/docker/daemon.json  0644 root:root  closes 2.2',
        '    --- a/etc/docker/daemon.json',
        '    +++ b/etc/docker/daemon.json',
        '    @@ -1,3 +1,4 @@',
        '     {',
        '    -  "debug": true',
        '    +  "debug": true,',
        '    +  "icc": false',
        '     }',
        '',
        'Permissions',
        '  /etc/docker  owner alice -> root, mode 0775 -> 0755  closes 3.5, 3.6',
        '',
        'Steps (after the files are written)',
        '  1. Restart dockerd: systemctl restart docker',
        '     icc changed.',
        '',
        'Refused (not written)',
        '  x [2.16] live-restore is incompatible with swarm mode',
        '',
        'Findings closed',
        '  2.2: /etc/docker/daemon.json',
        '  3.5: /etc/docker (owner/mode)',
        '  3.6: /etc/docker (owner/mode)',
        '',
        '1 file(s) to write, 1 permission fix(es), 1 step(s).',
      ].join('\n'),
    );
  });

  it('colours only when asked, and says when nothing changes', () => {
    expect(formatPlanText(plan([daemon]), { color: true })).toContain('\n    \x1b[32m+  "icc": false\x1b[0m\n');
    expect(formatPlanText(plan([daemon]), { color: false })).not.toMatch(/\x1b\[/);
    const same = fileChange({ path: '/etc/docker/daemon.json', before: '{}\n', after: '{}\n', mode: 0o644, closes: [], artifact: 'daemon-json' });
    expect(formatPlanText(plan([same]), { color: false })).toMatch(
      /unchanged \/etc\/docker\/daemon.json[\s\S]*Nothing to change: this host already matches the profile\.$/,
    );
  });
});
