// Fixes are edits on the original text at the parser's offsets: everything not edited (comments,
// blank lines, continuations, the escape directive) stays byte for byte.
import type { DockerfileDoc, Instr } from './model.js';
import { allInstructions, finalStage } from './model.js';
import type { TextEdit } from './types.js';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  // Back to front, so earlier offsets stay valid; at one offset the highest order goes in first
  // and so ends up last.
  const sorted = [...edits].sort((a, b) => b.offset - a.offset || b.order - a.order);
  let out = text;
  let next = Infinity;
  for (const e of sorted) {
    if (e.offset + e.length > next) throw new Error(`overlapping Dockerfile edits at offset ${e.offset}`);
    out = out.slice(0, e.offset) + e.text + out.slice(e.offset + e.length);
    next = e.offset;
  }
  return out;
}

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
      return { offset: doc.lineStarts[last.endLine], length: 0, text: lines.map((l) => indent + l + doc.eol).join(''), order };
    }
    return { offset: doc.text.length, length: 0, text: lines.map((l) => doc.eol + indent + l).join(''), order };
  }
  const previousEnd = Math.max(0, ...all.filter((i) => i.start < before.start).map((i) => i.endLine));
  let line = before.line;
  while (line - 1 > previousEnd && /^\s*#/.test(lineText(doc, line - 1))) line--;
  const indent = indentOf(doc, before.line);
  return { offset: doc.lineStarts[line - 1], length: 0, text: lines.map((l) => indent + l + doc.eol).join(''), order };
}

/** Replace an instruction's keyword, keeping the case it was written in. */
export function replaceKeyword(instr: Instr, keyword: string, order: number): TextEdit {
  const written = instr.node.getInstruction();
  const range = instr.node.getInstructionRange();
  const text = written === written.toLowerCase() ? keyword.toLowerCase() : keyword.toUpperCase();
  return { offset: instr.start + (range.start.character - instr.node.getRange().start.character), length: written.length, text, order };
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
