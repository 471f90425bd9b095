import { describe, expect, it } from 'vitest';
import { compareIds, tableRows } from './table-rows.js';
import type { Finding } from './findings.js';

const finding = (id: string, status: Finding['status'], subject?: Finding['subject']): Finding => ({
  id,
  aliases: {},
  title: `Rule ${id}`,
  section: Number(id.split('.')[0]) as Finding['section'],
  level: 1,
  status,
  severity: 'medium',
  evidence: [],
  message: '',
  remediation: '',
  ...(subject ? { subject } : {}),
});

describe('table rows', () => {
  it('makes one row per rule and status, failures first, then in benchmark order', () => {
    const rows = tableRows([
      finding('1.1.10', 'fail'),
      finding('5.4', 'pass', { container: 'db' }),
      finding('5.4', 'fail', { container: 'web' }),
      finding('1.1.9', 'fail'),
      finding('5.4', 'fail', { container: 'worker' }),
      finding('2.1', 'manual'),
      finding('7.1', 'not-applicable'),
      finding('2.5', 'waived'),
      finding('6.1', 'warn'),
    ]);
    expect(rows.map((r) => `${r.status} ${r.id} ${r.targets.join(',')}`)).toEqual([
      'fail 1.1.9 ',
      'fail 1.1.10 ',
      'fail 5.4 web,worker',
      'warn 6.1 ',
      'waived 2.5 ',
      'manual 2.1 ',
      'not-applicable 7.1 ',
      'pass 5.4 db',
    ]);
  });

  it('keeps only the statuses asked for', () => {
    const rows = tableRows(
      [finding('5.4', 'pass', { container: 'db' }), finding('5.4', 'fail', { container: 'web' }), finding('2.2', 'warn')],
      ['fail', 'warn'],
    );
    expect(rows.map((r) => `${r.status} ${r.id}`)).toEqual(['fail 5.4', 'warn 2.2']);
  });

  it('names the kind of target, and lists each target once', () => {
    const [containers] = tableRows([finding('5.4', 'fail', { container: 'web' }), finding('5.4', 'fail', { container: 'web' })]);
    expect(containers).toMatchObject({ targets: ['web'], targetKind: 'containers' });
    const [services] = tableRows([finding('5.4', 'fail', { service: 'db', project: 'shop' })]);
    expect(services).toMatchObject({ targets: ['shop/db'], targetKind: 'services' });
    const [mixed] = tableRows([finding('4.1', 'fail', { image: 'nginx:1.27' }), finding('4.1', 'fail', { container: 'web' })]);
    expect(mixed).toMatchObject({ targets: ['nginx:1.27', 'web'], targetKind: 'targets' });
  });

  it('orders ids part by part', () => {
    expect(['5.10', '1.1.10', '5', '1.1.9', '5.2'].sort(compareIds)).toEqual(['1.1.9', '1.1.10', '5', '5.2', '5.10']);
  });
});
