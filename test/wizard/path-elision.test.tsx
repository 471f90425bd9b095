// Paths longer than their room lose their middle, never their file name: in the Review list, the
// file heading, a diff's title, the write confirmation; a path being typed shows its end.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { ReviewScreen } from '../../src/wizard/ui/screens/review-screen.js';
import { ConfirmScreen } from '../../src/wizard/ui/screens/confirm-screen.js';
import { PathScreen } from '../../src/wizard/ui/screens/path-screen.js';
import { cells, elidePath, fitLine, line, pathSeg, plainText, truncate } from '../../src/wizard/model/lines.js';
import { KEYS, frame, frameSize, renderScreen, type } from './support/render-screen.js';
import { samplePlan } from './support/sample.js';

afterEach(cleanup);

const DEEP = '/srv/compose/projects/customer-facing-storefront/production/docker-compose.hardening.yml';

function deepPlan() {
  const plan = samplePlan();
  plan.files[1] = { ...plan.files[1], path: DEEP };
  return plan;
}

describe('paths elided in the middle', () => {
  it('keeps both ends of a path, in terminal cells', () => {
    expect(cells(elidePath(DEEP, 40))).toBe(40);
    expect(elidePath(DEEP, 40)).toBe('/srv/compose/project…mpose.hardening.yml');
    expect(elidePath('/etc/日本語/設定ファイル.json', 13)).toMatch(/…/);
    expect(cells(elidePath('/etc/日本語/設定ファイル.json', 13))).toBeLessThanOrEqual(13);
    expect(truncate('/var/lib/docker', 40, 'middle')).toBe('/var/lib/docker');
    expect(plainText([fitLine(line('file ', pathSeg(DEEP)), 40)])).toMatch(/^file \/srv\/.*….*\.hardening\.yml$/);
  });

  it('shows the file name of a deep path in the Review list and under the cursor', async () => {
    const r = renderScreen(<ReviewScreen plan={deepPlan()} excluded={[]} onDone={() => {}} />);
    await type(r, 'j');
    const rows = frame(r).split('\n');
    expect(frameSize(r).widest).toBeLessThanOrEqual(80);
    expect(rows.find((l) => l.startsWith('› '))).toMatch(/› \[x\] modify  \/srv\/compose\/\S*…\S*hardening\.yml +\+4 +-1/);
    // The heading over the file's notes: the whole width, so more of the path.
    expect(rows.find((l) => l.startsWith('/srv/'))).toMatch(/^\/srv\/compose\/projects\/\S+…\S+\/docker-compose\.hardening\.yml$/);
  });

  it("keeps the file name in a diff's title on a narrow terminal", async () => {
    const r = renderScreen(<ReviewScreen plan={deepPlan()} excluded={[]} onDone={() => {}} />, { columns: 60, rows: 24 });
    await type(r, 'j', KEYS.enter);
    const title = frame(r).split('\n')[0];
    expect(cells(title)).toBeLessThanOrEqual(60);
    expect(title).toBe('docker-harden · 4/5 Review › /srv/compose/p…se.hardening.yml');
  });

  it('keeps the file names in the write confirmation', () => {
    const r = renderScreen(
      <ConfirmScreen question="Write 1 file under /?" details={[`  modify ${DEEP}/and/deeper/still/daemon.json`]} yes="Yes" no="No" onDone={() => {}} />,
    );
    expect(frame(r)).toMatch(/ {2}modify \/srv\/.*….*\/still\/daemon\.json/);
  });

  it('shows the end of a long path being typed, next to the cursor', async () => {
    const r = renderScreen(<PathScreen title="Save a patch" initial={`${DEEP}/x`} note="n" onDone={() => {}} />);
    await type(r, 'yz');
    const field = frame(r)
      .split('\n')
      .find((l) => l.startsWith('Path: '))!;
    expect(cells(field)).toBeLessThanOrEqual(80);
    expect(field).toMatch(/^Path: ….*hardening\.yml\/xyz█$/);
  });
});
