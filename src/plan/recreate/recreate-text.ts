// A recreate as a person reviews it: which container, what it closes, and the diff between the
// `docker run` command that made it and the one that makes its hardened copy, one option a line.
import { formatPatch } from 'diff';
import type { RecreateStep } from '../../plan-model/recreate.js';
import { shellQuote } from '../../core/shell-quote.js';
import { unifiedPatch } from '../line-diff.js';

/** Options of `runArgv` that take no value; every other option takes exactly one. */
const SWITCHES = new Set(['--detach', '--privileged', '--read-only', '--publish-all', '--rm', '--init']);

/** argv of `docker run` as shell text, one option (with its value) a line, the image and its arguments last. */
export function runCommandText(argv: readonly string[]): string {
  const lines: string[][] = [argv.slice(0, 2) as string[]];
  let i = 2;
  while (i < argv.length && argv[i].startsWith('--')) {
    const takes = SWITCHES.has(argv[i]) ? 1 : 2;
    lines.push(argv.slice(i, i + takes));
    i += takes;
  }
  if (i < argv.length) lines.push(argv.slice(i));
  return lines.map((words, n) => (n === 0 ? '' : '  ') + words.map(shellQuote).join(' ')).join(' \\\n') + '\n';
}

export function recreateLines(step: RecreateStep): { head: string; diff: string[] } {
  const state = step.container.running ? 'running' : 'not running';
  const closes = step.closes.length > 0 ? `closes ${step.closes.join(', ')}` : 'closes nothing on its own';
  const head = `recreate  ${step.container.name} (${state}, gate ${step.gateSeconds} s)  ${closes}`;
  const name = step.container.name;
  const patch = formatPatch(unifiedPatch(`${name} (now)`, `${name} (hardened)`, runCommandText(step.runDiff.before), runCommandText(step.runDiff.after), 2));
  return { head, diff: patch.split('\n').filter((l) => l !== '' && !/^(=+|Index: .*)$/.test(l)) };
}
