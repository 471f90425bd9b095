// Text -> DockerfileDoc through dockerfile-ast, which keeps a range for every instruction (so
// fixes edit the original text and never re-print it). The parser is lenient; what docker build
// would reject is refused here as a UserError naming the file and line.
import { DockerfileParser, ModifiableInstruction, PropertyInstruction, type Heredoc, type Instruction } from 'dockerfile-ast';
import { UserError } from '../core/errors.js';
import type { DockerfileDoc, Flag, Instr, Stage } from './model.js';
import { parseImageRef, substituteArgs } from './image-ref.js';

const KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

export function parseDockerfile(text: string, path: string, dockerignore: string | null = null): DockerfileDoc {
  const refuse = (line: number, why: string): never => {
    throw new UserError(`${path}:${line}: ${why}, so it does not parse as a Dockerfile; nothing was written.`);
  };
  if (text.includes('\0')) refuse(1, 'the file contains NUL bytes (not a text file)');
  const starts = lineStarts(text);
  const ast = DockerfileParser.parse(text);
  const instrs = ast.getInstructions().map((node) => toInstr(node, starts));
  for (const i of instrs) validate(i, refuse);

  const firstFrom = instrs.findIndex((i) => i.keyword === 'FROM');
  if (firstFrom < 0) refuse(instrs[0]?.line ?? 1, 'there is no FROM instruction');
  const before = instrs.slice(0, firstFrom).find((i) => i.keyword !== 'ARG');
  if (before) refuse(before.line, `${before.keyword} comes before the first FROM (only ARG may)`);

  const initialArgs = new Map<string, string | null>();
  for (const i of instrs.slice(0, firstFrom)) {
    for (const p of (i.node as PropertyInstruction).getProperties()) initialArgs.set(p.getName(), p.getValue());
  }
  const stages: Stage[] = [];
  for (const i of instrs.slice(firstFrom)) {
    if (i.keyword === 'FROM') stages.push(newStage(i, stages, initialArgs, refuse));
    else stages[stages.length - 1].instructions.push(i);
  }
  return { path, text, eol: text.includes('\r\n') ? '\r\n' : '\n', lineStarts: starts, escape: ast.getEscapeCharacter(), initialArgs, preFrom: instrs.slice(0, firstFrom), stages, dockerignore };
}

function newStage(from: Instr, earlier: Stage[], args: Map<string, string | null>, refuse: (line: number, why: string) => never): Stage {
  const words = from.args.split(/\s+/).filter(Boolean);
  const asAt = words.findIndex((w) => w.toUpperCase() === 'AS');
  if (asAt >= 0 && (asAt !== 1 || words.length !== 3)) refuse(from.line, 'FROM takes an image and an optional "AS name"');
  const written = words[0];
  const name = asAt === 1 ? words[2].toLowerCase() : null;
  const parent = earlier.find((s) => s.name !== null && s.name === written.toLowerCase()) ?? null;
  const substituted = substituteArgs(written, args);
  const image = parent ? null : substituted && parseImageRef(substituted.value, substituted.used);
  return { index: earlier.length, name, from, image, parent, instructions: [] };
}

function validate(i: Instr, refuse: (line: number, why: string) => never): void {
  if (!KEYWORDS.has(i.keyword)) refuse(i.line, `unknown instruction "${i.node.getInstruction()}"`);
  if (i.args.trim() === '' && heredocs(i.node).length === 0) refuse(i.line, `${i.keyword} has no arguments`);
  for (const h of heredocs(i.node)) {
    if (h.getDelimiterRange() === null) refuse(i.line, `the here-document <<${h.getName()} is never closed by a "${h.getName()}" line`);
  }
}

function toInstr(node: Instruction, starts: number[]): Instr {
  const range = node.getRange();
  const flags: Flag[] = node instanceof ModifiableInstruction ? node.getFlags().map((f) => ({ name: f.getName(), value: f.getValue() })) : [];
  return {
    keyword: node.getKeyword().toUpperCase(),
    line: range.start.line + 1,
    endLine: range.end.line + 1,
    start: starts[range.start.line] + range.start.character,
    end: starts[range.end.line] + range.end.character,
    args: node.getArgumentsContent() ?? '',
    flags,
    node,
  };
}

/** Offset of the first character of each line (after "\n"; "\r\n" counts as one break). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** Here-documents of RUN, COPY and ADD (the parser finds them on every instruction but keeps the getter protected). */
export function heredocs(node: Instruction): Heredoc[] {
  if (!['RUN', 'COPY', 'ADD'].includes(node.getKeyword().toUpperCase())) return [];
  return (node as unknown as { getHeredocs(): Heredoc[] }).getHeredocs();
}
