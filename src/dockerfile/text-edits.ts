// Fixes are edits on the original text at the parser's offsets (see core/text-edits.ts): everything
// not edited (comments, blank lines, continuations, the escape directive) stays byte for byte.
import type { DockerfileDoc, Instr } from './model.js';
import { allInstructions, finalStage } from './model.js';
import type { TextEdit } from '../core/text-edits.js';

/**
 * Where new instructions go in the final stage: before its CMD/ENTRYPOINT (and the comment lines
 * right above it), unless a RUN follows them, in which case at the end so no build step changes user.
 */
export function finalAnchor(doc: DockerfileDoc): Instr | null {
  const stage = finalStage(doc);
  const starters = stage.instructions.filter((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
  if (starters.length === 0) return null;
  const lastOf = (k: string) => [...starters].reverse().find((i) => i.keyword === k);
  const candidates = [lastOf('CMD'), lastOf('ENTRYPOINT')].filter((i): i is Instr => !!i);
  const anchor = candidates.reduce((a, b) => (a.start < b.start ? a : b));
  return stage.instructions.some((i) => i.keyword === 'RUN' && i.start > anchor.start) ? null : anchor;
}

/** Insert whole lines before an instruction (null: after the file's last instruction). */
export function insertLines(doc: DockerfileDoc, before: Instr | null, lines: string[], order: number): TextEdit {
  const all = allInstructions(doc);
  if (before === null) {
    const last = all[all.length - 1];
    const indent = indentOf(doc, last.line);
    if (last.endLine < doc.lineStarts.length) {
      const at = doc.lineStarts[last.endLine];
      return { start: at, end: at, text: lines.map((l) => indent + l + doc.eol).join(''), order };
    }
    return { start: doc.text.length, end: doc.text.length, text: lines.map((l) => doc.eol + indent + l).join(''), order };
  }
  const previousEnd = Math.max(0, ...all.filter((i) => i.start < before.start).map((i) => i.endLine));
  let line = before.line;
  while (line - 1 > previousEnd && /^\s*#/.test(lineText(doc, line - 1))) line--;
  const indent = indentOf(doc, before.line);
  const at = doc.lineStarts[line - 1];
  return { start: at, end: at, text: lines.map((l) => indent + l + doc.eol).join(''), order };
}

/** Replace an instruction's keyword, keeping the case it was written in. */
export function replaceKeyword(instr: Instr, keyword: string, order: number): TextEdit {
  const written = instr.node.getInstruction();
  const range = instr.node.getInstructionRange();
  const text = written === written.toLowerCase() ? keyword.toLowerCase() : keyword.toUpperCase();
  const start = instr.start + (range.start.character - instr.node.getRange().start.character);
  return { start, end: start + written.length, text, order };
}

/** 1-based line's text without its line break. */
export function lineText(doc: DockerfileDoc, line: number): string {
  const start = doc.lineStarts[line - 1];
  const next = doc.lineStarts[line] ?? doc.text.length;
  return doc.text.slice(start, next).replace(/\r?\n$/, '');
}

function indentOf(doc: DockerfileDoc, line: number): string {
  return /^[ \t]*/.exec(lineText(doc, line))![0];
}
