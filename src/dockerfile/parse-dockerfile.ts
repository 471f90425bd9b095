// Text -> DockerfileDoc through dockerfile-ast, which keeps a range for every instruction (so
// fixes edit the original text and never re-print it). The parser is lenient; what docker build
// would reject is refused here as a UserError naming the file and line.
import { DockerfileParser, Instruction, ModifiableInstruction, type PropertyInstruction, type Heredoc } from 'dockerfile-ast';
import { UserError } from '../core/errors.js';
import type { DockerfileDoc, Flag, Instr, Stage } from './model.js';
import { parseImageRef, substituteArgs } from './image-ref.js';

// dockerfile-ast re-reads an instruction's arguments, a character at a time, each time anything
// asks for them (nine times while parsing one RUN): a megabyte of arguments took tens of seconds.
// Instructions never change after parsing, so each is read once; callers get their own array
// (the parser's own callers shift flags off it).
const argumentsRead = new WeakMap<object, unknown[]>();
const instructionProto = Instruction.prototype as unknown as { getRawArguments(): unknown[] };
const readArguments = instructionProto.getRawArguments;
instructionProto.getRawArguments = function getRawArgumentsOnce(this: object): unknown[] {
  let args = argumentsRead.get(this);
  if (!args) argumentsRead.set(this, (args = readArguments.call(this)));
  return [...args];
};

const KEYWORDS = new Set([
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
]);

export function parseDockerfile(text: string, path: string, dockerignore: string | null = null): DockerfileDoc {
  const refuse = (line: number, why: string): never => {
    throw new UserError(`${path}:${line}: ${why}, so it does not parse as a Dockerfile; nothing was written.`);
  };
  if (text.includes('\0')) refuse(1, 'the file contains NUL bytes (not a text file)');
  const starts = lineStarts(text);
  const long = overlongLine(text, starts);
  if (long) refuse(long, `the line is longer than docker build's limit of ${MAX_LINE_BYTES} bytes`);
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
  return {
    path,
    text,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
    lineStarts: starts,
    escape: ast.getEscapeCharacter(),
    initialArgs,
    preFrom: instrs.slice(0, firstFrom),
    stages,
    dockerignore,
  };
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

/** docker build's parser reads lines with a Go bufio.Scanner and fails on one of 64 KiB or more. */
export const MAX_LINE_BYTES = 64 * 1024;

/**
 * The 1-based number of the first line docker build would refuse as too long, or 0. Checked before
 * parsing: the parser builds each argument a character at a time, and a megabyte-long word took
 * seconds for each of the many times it is read.
 */
function overlongLine(text: string, starts: readonly number[]): number {
  for (let n = 0; n < starts.length; n++) {
    const end = n + 1 < starts.length ? starts[n + 1] - 1 : text.length;
    // Characters take 1 to 3 UTF-8 bytes (4 for a surrogate pair of 2): only long lines are measured.
    if (end - starts[n] >= MAX_LINE_BYTES / 3 && Buffer.byteLength(text.slice(starts[n], end)) >= MAX_LINE_BYTES) return n + 1;
  }
  return 0;
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
  // Kept per node: the parser re-reads the whole instruction for each call, and checks ask often.
  let found = heredocsSeen.get(node);
  if (!found) heredocsSeen.set(node, (found = (node as unknown as { getHeredocs(): Heredoc[] }).getHeredocs()));
  return found;
}
const heredocsSeen = new WeakMap<Instruction, Heredoc[]>();
