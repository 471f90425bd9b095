import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { ProfileScreen, type ProfileChoice } from '../../src/wizard/ui/screens/profile-screen.js';
import { KEYS, frame, frameSize, renderScreen, type } from './support/render-screen.js';

const choices: ProfileChoice[] = [
  { name: 'baseline', description: 'Safe on hosts with running workloads.', plan: { files: 3, closes: 12 } },
  { name: 'strict', description: 'Everything the benchmark automates.', plan: { files: 5, closes: 19 } },
  { name: 'broken', description: 'A profile whose plan failed.', error: 'profile "broken" sets an unknown key' },
];

afterEach(cleanup);

describe('Profile screen', () => {
  it('shows what each shipped profile would change and close before choosing', () => {
    const r = renderScreen(<ProfileScreen choices={choices} onDone={() => {}} />);
    expect(frameSize(r)).toMatchObject({ rows: 23 });
    expect(frame(r)).toMatchInlineSnapshot(`
      "docker-harden · 3/5 Profile

      Choose the profile to harden this host with:

      › baseline    changes 3 files, closes 12 findings
                    Safe on hosts with running workloads.
        strict      changes 5 files, closes 19 findings
                    Everything the benchmark automates.
        broken      no plan: profile "broken" sets an unknown key
                    A profile whose plan failed.
        Profile file…

      ↑↓ move  enter choose  q back  ? help"
    `);
  });

  it('chooses the profile under the cursor with enter', async () => {
    const onDone = vi.fn();
    const r = renderScreen(<ProfileScreen choices={choices} onDone={onDone} />);
    await type(r, KEYS.down, 'j', 'k', KEYS.enter);
    expect(onDone).toHaveBeenCalledWith({ type: 'shipped', name: 'strict' });
  });

  it('takes a profile file path typed into the text field, q included', async () => {
    const onDone = vi.fn();
    const r = renderScreen(<ProfileScreen choices={choices} onDone={onDone} />);
    await type(r, 'G', KEYS.enter, 'site/q.yaml', KEYS.backspace, KEYS.backspace, KEYS.backspace, 'ml');
    expect(frame(r)).toContain('path: site/q.yml█');
    expect(frame(r)).toContain('type the path  enter load  esc stop typing');
    await type(r, KEYS.enter);
    expect(onDone).toHaveBeenCalledWith({ type: 'file', path: 'site/q.yml' });
  });

  it('leaves the text field with esc and the screen with a second esc', async () => {
    const onDone = vi.fn();
    const r = renderScreen(<ProfileScreen choices={choices} onDone={onDone} />);
    await type(r, 'G', KEYS.enter, 'x', KEYS.escape);
    expect(frame(r)).not.toContain('path:');
    expect(onDone).not.toHaveBeenCalled();
    await type(r, KEYS.escape);
    expect(onDone).toHaveBeenCalledWith({ type: 'back' });
  });

  it('reopens the path with the error when a profile file did not load', () => {
    const r = renderScreen(<ProfileScreen choices={choices} error="profile file site.yaml does not exist" initialPath="site.yaml" onDone={() => {}} />);
    expect(frame(r)).toContain('› Profile file…');
    expect(frame(r)).toContain('path: site.yaml█');
    expect(frame(r)).toContain('✗ profile file site.yaml does not exist');
  });
});
