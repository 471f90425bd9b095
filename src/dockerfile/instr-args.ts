// Reading the arguments of COPY/ADD, USER and EXPOSE, and a RUN as one pasteable line.
import type { DockerfileDoc, Instr } from './model.js';
import { execForm, runCommands, runScript } from './shell.js';

/** Sources and destination of COPY/ADD (a here-document source is reported as "<<NAME"). */
export function copyArgs(instr: Instr): { sources: string[]; dest: string } {
  const words = execForm(instr.args) ?? instr.args.split('\n')[0].split(/\s+/).filter(Boolean);
  return { sources: words.slice(0, -1), dest: words[words.length - 1] ?? '' };
}

export function flagValue(instr: Instr, name: string): string | null | undefined {
  return instr.flags.find((f) => f.name === name)?.value;
}

/** The user part of `USER name[:group]`. */
export function userName(instr: Instr): string {
  return (instr.args.trim().split(/\s+/)[0] ?? '').split(':')[0];
}

export function isRootUser(name: string): boolean {
  return name === 'root' || name === '0';
}

/** TCP ports an EXPOSE publishes (numeric ones; `$PORT` cannot be known here). */
export function exposedPorts(instr: Instr): number[] {
  return instr.args.split(/\s+/).flatMap((w) => {
    const m = /^(\d+)(?:-\d+)?(?:\/(tcp|udp|sctp))?$/i.exec(w);
    return m && (m[2] ?? 'tcp').toLowerCase() === 'tcp' ? [Number(m[1])] : [];
  });
}

/** A RUN as one line to paste into advice (continuations joined, script lines joined with &&). */
export function oneLineScript(doc: DockerfileDoc, run: Instr): string {
  if (execForm(run.args))
    return runCommands(doc, run)
      .map((c) => c.words.join(' '))
      .join(' && ');
  const script = runScript(doc, run);
  if (script.includes('\n')) {
    return script
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
      .join(' && ');
  }
  return script.replace(/\s+/g, ' ').trim();
}
