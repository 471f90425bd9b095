import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { ActScreen } from '../../src/wizard/ui/screens/act-screen.js';
import { PathScreen } from '../../src/wizard/ui/screens/path-screen.js';
import { ConfirmScreen } from '../../src/wizard/ui/screens/confirm-screen.js';
import { ReportScreen, type ReportState } from '../../src/wizard/ui/screens/message-screen.js';
import { actOptions } from '../../src/wizard/act-step.js';
import { createStore } from '../../src/wizard/model/store.js';
import { line } from '../../src/wizard/model/lines.js';
import { KEYS, frame, frameSize, renderScreen, type } from './support/render-screen.js';
import { samplePlan } from './support/sample.js';

afterEach(cleanup);

describe('Act screen', () => {
  it('offers write, script, patch, the HTML report and quit, and says why writing is unavailable without root', () => {
    const r = renderScreen(
      <ActScreen summary="Profile strict: 3 files, 1 permission fix, 2 steps." options={actOptions(samplePlan(), '/', 1000)} onDone={() => {}} />,
    );
    expect(frameSize(r)).toMatchObject({ rows: 23 });
    expect(frame(r)).toMatchInlineSnapshot(`
      "docker-harden · 5/5 Act

      Profile strict: 3 files, 1 permission fix, 2 steps.

      What now?

        Write the changes now   unavailable
                                needs root: run docker-harden as root (sudo), or pass
                                --root DIR to write into a copy of the host files
      › Save a shell script     for review; run it on the host later
        Save a patch            a unified diff plus a .json of modes, owners and steps
        Save an HTML report     the audit of this host as one page, to hand to an aud…
        Quit without changes

      ↑↓ move  enter choose  q back  ? help"
    `);
  });

  it('skips an unavailable option and chooses with enter', async () => {
    const onDone = vi.fn();
    const r = renderScreen(<ActScreen summary="s" options={actOptions(samplePlan(), '/', 1000)} onDone={onDone} />);
    await type(r, KEYS.up, KEYS.up, KEYS.down, KEYS.enter);
    expect(onDone).toHaveBeenCalledWith({ type: 'patch' });
  });

  it('lets root (or --root) write, and goes back with q', async () => {
    const onDone = vi.fn();
    const r = renderScreen(<ActScreen summary="s" options={actOptions(samplePlan(), '/tmp/root', 1000)} onDone={onDone} />);
    expect(frame(r)).toContain('› Write the changes now   under /tmp/root, after a backup');
    await type(r, KEYS.enter);
    expect(onDone).toHaveBeenCalledWith({ type: 'write' });
    const back = vi.fn();
    await type(renderScreen(<ActScreen summary="s" options={actOptions(samplePlan(), '/', 0)} onDone={back} />), 'q');
    expect(back).toHaveBeenCalledWith({ type: 'back' });
  });

  it('offers only the HTML report and quitting when the plan has a blocking refusal', () => {
    const plan = { ...samplePlan(), refused: [{ text: 'daemon.json is not valid JSON (line 2)', blocking: true }] };
    const options = actOptions(plan, '/tmp/root', 0);
    expect(options.filter((o) => !o.disabled).map((o) => o.id)).toEqual(['report', 'quit']);
    expect(options[1].disabled).toBe('daemon.json is not valid JSON (line 2)');
  });
});

describe('Path, confirm and report screens', () => {
  it('takes the default path with enter, or a typed one after ctrl+u', async () => {
    const onDone = vi.fn();
    const r = renderScreen(<PathScreen title="Save a shell script" initial="./docker-harden.sh" note="A bash script." onDone={onDone} />);
    expect(frame(r)).toMatchInlineSnapshot(`
      "docker-harden · 5/5 Act › Save a shell script

      Save a shell script

      Path: ./docker-harden.sh█

      A bash script.

      enter save  esc back  ctrl+u clear"
    `);
    await type(r, KEYS.ctrlU, '/tmp/x.sh', KEYS.enter);
    expect(onDone).toHaveBeenCalledWith({ type: 'save', path: '/tmp/x.sh' });
    const back = vi.fn();
    await type(renderScreen(<PathScreen title="t" initial="a" note="n" error="Cannot write /x (EACCES)." onDone={back} />), KEYS.escape);
    expect(back).toHaveBeenCalledWith({ type: 'back' });
  });

  it('answers no by default; y or the yes row answer yes', async () => {
    const answers: boolean[] = [];
    const props = {
      question: 'Write?',
      details: ['a backup is made first'],
      yes: 'Yes, write now',
      no: 'No, go back',
      onDone: (v: boolean) => answers.push(v),
    };
    const r = renderScreen(<ConfirmScreen {...props} />);
    expect(frame(r)).toContain('› No, go back');
    await type(r, KEYS.enter);
    await type(renderScreen(<ConfirmScreen {...props} />), 'y');
    await type(renderScreen(<ConfirmScreen {...props} />), KEYS.down, KEYS.enter);
    await type(renderScreen(<ConfirmScreen {...props} />), 'q');
    expect(answers).toEqual([false, true, true, false]);
  });

  it('shows progress as the flow reports it, and finishes on enter only when done', async () => {
    const store = createStore<ReportState>({ lines: [line('Writing…')], finished: false });
    const onDone = vi.fn();
    const r = renderScreen(<ReportScreen step="Act" title="Writing" store={store} onDone={onDone} />);
    store.set((s) => ({ ...s, lines: [...s.lines, line('✓ wrote /etc/docker/daemon.json')] }));
    await type(r, KEYS.enter);
    expect(frame(r)).toContain('✓ wrote /etc/docker/daemon.json');
    expect(onDone).not.toHaveBeenCalled();
    store.set((s) => ({ ...s, finished: true }));
    await type(r, KEYS.enter);
    expect(onDone).toHaveBeenCalledOnce();
  });
});
