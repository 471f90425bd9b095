import { describe, expect, it } from 'vitest';
import { composeFlavour, projectFlavour } from '../../src/compose/compose-flavour.js';

describe('composeFlavour', () => {
  it.each([
    // version, generation, !reset, !override, false/"" override
    ['1.29.2', 1, false, false, true],
    ['2.17.3', 2, false, false, false],
    ['2.18.0', 2, true, false, false],
    ['2.24.0', 2, true, false, true],
    ['2.24.3', 2, true, false, true],
    ['2.24.4', 2, true, true, true],
    ['v2.29.1', 2, true, true, true],
    [null, null, false, false, false],
    ['unknown', null, false, false, false],
  ] as const)('%s', (version, generation, resetTag, overrideTag, emptyScalarsOverride) => {
    expect(composeFlavour(version)).toEqual({ version, generation, resetTag, overrideTag, emptyScalarsOverride });
  });

  it('takes the oldest version of a project, and an unknown one makes the whole project unknown', () => {
    expect(projectFlavour(['2.29.1', '2.17.0', '2.24.5']).version).toBe('2.17.0');
    expect(projectFlavour(['2.29.1', null]).generation).toBeNull();
    expect(projectFlavour([]).generation).toBeNull();
  });
});
