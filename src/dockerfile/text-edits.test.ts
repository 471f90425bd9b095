import { describe, expect, it } from 'vitest';
import { finalAnchor, insertLines, replaceKeyword } from './text-edits.js';
import { applyTextEdits } from '../core/text-edits.js';
import { parseDockerfile } from './parse-dockerfile.js';
import { finalStage } from './model.js';

describe('insertion points', () => {
  it('goes above the comments attached to the CMD, with its indentation', () => {
    const doc = parseDockerfile('FROM a\nRUN x\n\n  # start\n  CMD ["x"]\n', 'Dockerfile');
    const edit = insertLines(doc, finalAnchor(doc), ['USER app'], 0);
    expect(applyTextEdits(doc.text, [edit])).toBe('FROM a\nRUN x\n\n  USER app\n  # start\n  CMD ["x"]\n');
  });

  it('never moves above a comment inside a continued instruction', () => {
    const doc = parseDockerfile('FROM a\nRUN x \\\n# inside\n && y\nCMD z\n', 'Dockerfile');
    expect(applyTextEdits(doc.text, [insertLines(doc, finalAnchor(doc), ['USER app'], 0)])).toBe('FROM a\nRUN x \\\n# inside\n && y\nUSER app\nCMD z\n');
  });

  it('appends at the end where a RUN follows the CMD, or there is none; keeps a missing final newline', () => {
    const late = parseDockerfile('FROM a\nCMD x\nRUN y\n', 'Dockerfile');
    expect(finalAnchor(late)).toBeNull();
    expect(applyTextEdits(late.text, [insertLines(late, null, ['USER app'], 0)])).toBe('FROM a\nCMD x\nRUN y\nUSER app\n');
    const bare = parseDockerfile('FROM a\r\nRUN y', 'Dockerfile');
    expect(applyTextEdits(bare.text, [insertLines(bare, null, ['USER app'], 0)])).toBe('FROM a\r\nRUN y\r\nUSER app');
  });

  it('anchors at the earlier of the last ENTRYPOINT and the last CMD', () => {
    const doc = parseDockerfile('FROM a\nENTRYPOINT ["e"]\nCMD ["c"]\n', 'Dockerfile');
    expect(finalAnchor(doc)?.keyword).toBe('ENTRYPOINT');
  });

  it('replaces a keyword in the case it was written in', () => {
    const doc = parseDockerfile('FROM a\n  add x /y\n', 'Dockerfile');
    const add = finalStage(doc).instructions[0];
    expect(applyTextEdits(doc.text, [replaceKeyword(add, 'COPY', 0)])).toBe('FROM a\n  copy x /y\n');
  });
});
