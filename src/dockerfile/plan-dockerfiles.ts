// Dockerfiles -> findings and a Plan: one FileChange per Dockerfile (the fixes applied to its
// text) and one per .dockerignore that needs patterns, with advice and impact notes. Pure: the
// service reads the files and their stat, and writes through applyPlan.
import type { FileChange, Plan, PlanNote } from '../plan-model/plan.js';
import { fileChange } from '../plan-model/file-change.js';
import { parseDockerfile } from './parse-dockerfile.js';
import { runChecks, type CheckedFinding } from './run-checks.js';
import { applyTextEdits } from '../core/text-edits.js';
import { GENERAL_ADVICE } from './general-advice.js';
import type { FixOptions } from './types.js';

export interface FileInput {
  path: string;
  text: string | null;
  mode: number;
  owner: string;
  group: string;
}

export interface DockerfileInput {
  dockerfile: FileInput & { text: string };
  /** The build context's .dockerignore (text null where it does not exist). */
  dockerignore: FileInput;
}

export interface DockerfileReport {
  path: string;
  findings: CheckedFinding[];
}

export interface DockerfilePlan {
  reports: DockerfileReport[];
  plan: Plan;
  /** Findings left once the plan is applied (what --fix cannot close). */
  remaining: DockerfileReport[];
}

export function planDockerfiles(inputs: DockerfileInput[], options: FixOptions, now = new Date()): DockerfilePlan {
  const reports: DockerfileReport[] = [];
  const remaining: DockerfileReport[] = [];
  const files: FileChange[] = [];
  const warnings: PlanNote[] = [];
  const manual: PlanNote[] = [];
  const ignores = new Map<string, { input: FileInput; patterns: Set<string> }>();
  for (const { dockerfile, dockerignore } of inputs) {
    const doc = parseDockerfile(dockerfile.text, dockerfile.path, dockerignore.text);
    const findings = runChecks(doc, options);
    reports.push({ path: dockerfile.path, findings });
    const edits = findings.flatMap((f) => f.fix?.edits ?? []);
    const after = applyTextEdits(dockerfile.text, edits);
    files.push(
      fileChange({ ...dockerfile, before: dockerfile.text, after, closes: findings.filter((f) => f.fix?.edits).map((f) => f.id), artifact: 'dockerfile' }),
    );
    for (const f of findings) {
      for (const w of f.fix?.warnings ?? []) pushOnce(warnings, { ruleId: f.id, text: `${dockerfile.path}: ${w}` });
      if (f.advice && !f.fix) manual.push({ ruleId: f.id, text: `${dockerfile.path}:${f.line}: ${f.advice}` });
      if (f.fix?.dockerignore) {
        const entry = ignores.get(dockerignore.path) ?? { input: dockerignore, patterns: new Set<string>() };
        for (const p of f.fix.dockerignore) entry.patterns.add(p);
        ignores.set(dockerignore.path, entry);
      }
    }
    const pending = ignores.get(dockerignore.path);
    const ignoreAfter = pending ? appendIgnores(dockerignore.text, [...pending.patterns]) : dockerignore.text;
    remaining.push({ path: dockerfile.path, findings: runChecks(parseDockerfile(after, dockerfile.path, ignoreAfter), options) });
  }
  for (const [path, { input, patterns }] of ignores) {
    files.push(
      fileChange({ ...input, path, before: input.text, after: appendIgnores(input.text, [...patterns]), closes: ['DH-IMG-002'], artifact: 'dockerfile' }),
    );
  }
  if (inputs.length > 0) manual.push(...GENERAL_ADVICE);
  const plan: Plan = {
    profile: 'dockerfile',
    facts: { source: 'dockerfile', collectedAt: now.toISOString(), root: '/' },
    files,
    permissions: [],
    steps: [],
    warnings,
    manual,
    refused: [],
  };
  return { reports, plan, remaining };
}

/** The current .dockerignore with the missing patterns appended under one comment line. */
export function appendIgnores(current: string | null, patterns: string[]): string {
  if (patterns.length === 0) return current ?? '';
  const eol = current?.includes('\r\n') ? '\r\n' : '\n';
  let text = current ?? '';
  if (text !== '' && !text.endsWith('\n')) text += eol;
  if (text.trim() !== '') text += eol;
  return text + ['# Keep VCS data, env files and private keys out of the build context.', ...patterns].join(eol) + eol;
}

function pushOnce(notes: PlanNote[], note: PlanNote): void {
  if (!notes.some((n) => n.ruleId === note.ruleId && n.text === note.text)) notes.push(note);
}
