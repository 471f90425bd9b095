// The parsed view every check reads: instructions with 1-based lines and text offsets, grouped
// into build stages, with each stage's base image resolved (an external image, scratch, or an
// earlier stage it builds on).
import type { Instruction } from 'dockerfile-ast';
import type { ImageRef } from './image-ref.js';

export interface Flag {
  name: string;
  value: string | null;
}

export interface Instr {
  /** Upper-case keyword: "RUN", "COPY", ... */
  keyword: string;
  /** 1-based first and last line (a continued or heredoc instruction spans several). */
  line: number;
  endLine: number;
  /** Offsets into the text: the instruction's first character and the end of its last line. */
  start: number;
  end: number;
  /** Arguments with line continuations removed (flags excluded). */
  args: string;
  flags: Flag[];
  node: Instruction;
}

export interface Stage {
  index: number;
  /** The `AS name`, lower-cased (stage names are case-insensitive). */
  name: string | null;
  from: Instr;
  /** The FROM image with build arguments substituted; null when it depends on an ARG without a default. */
  image: ImageRef | null;
  /** The earlier stage this one builds on (`FROM build`), if any. */
  parent: Stage | null;
  /** Instructions after the FROM. */
  instructions: Instr[];
}

export interface DockerfileDoc {
  path: string;
  text: string;
  eol: '\n' | '\r\n';
  /** Offset of the first character of each line (0-based line index). */
  lineStarts: number[];
  escape: string;
  /** ARGs declared before the first FROM, with their defaults (null: no default). */
  initialArgs: Map<string, string | null>;
  /** The ARG instructions before the first FROM. */
  preFrom: Instr[];
  stages: Stage[];
  /** Content of the build context's .dockerignore, null where there is none. */
  dockerignore: string | null;
}

export function finalStage(doc: DockerfileDoc): Stage {
  return doc.stages[doc.stages.length - 1];
}

/** The stage and every stage it builds on, root first: what ends up in the stage's image. */
export function stageChain(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let s: Stage | null = stage; s; s = s.parent) chain.unshift(s);
  return chain;
}

/** Every instruction that shapes the stage's image, in build order (parents first). */
export function chainInstructions(stage: Stage): Instr[] {
  return stageChain(stage).flatMap((s) => s.instructions);
}

/** The external image at the root of a stage's chain (null for an unresolved ARG). */
export function rootImage(stage: Stage): ImageRef | null {
  return stageChain(stage)[0].image;
}

export function allInstructions(doc: DockerfileDoc): Instr[] {
  return [...doc.preFrom, ...doc.stages.flatMap((s) => [s.from, ...s.instructions])];
}
