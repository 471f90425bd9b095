// A self-contained bash script that performs a plan on a host without docker-harden: it checks
// every file's sha256 before touching any, backs up, writes through heredocs with quoted
// delimiters (the shell never interprets the content), sets owner and mode, then runs the steps.
import { sha256 } from '../core/sha256.js';
import { formatMode as octal } from '../core/file-mode.js';
import { VERSION } from '../core/version.js';
import { renderTemplate } from '../artifacts/render-template.js';
import type { Plan } from '../plan/plan.js';

export interface ScriptOptions {
  /** Name shown in the usage line. */
  scriptName?: string;
  host?: string;
}

export function renderScript(plan: Plan, opts: ScriptOptions = {}): string {
  const files = plan.files
    .filter((f) => f.kind !== 'unchanged')
    .map((f, index) => {
      const content = f.after ?? '';
      // The heredoc adds one newline after the content: drop the content's own, or strip the extra.
      const endsWithNewline = content.endsWith('\n');
      return {
        index,
        path: f.path,
        delete: f.kind === 'delete' || f.after === null,
        beforeSha: f.beforeSha256 ?? 'absent',
        afterSha: f.after === null ? 'absent' : sha256(f.after),
        mode: octal(f.mode),
        ownerGroup: `${f.owner}:${f.group}`,
        content: endsWithNewline ? content.slice(0, -1) : content,
        stripNewline: endsWithNewline ? 0 : 1,
        delimiter: heredocDelimiter(content),
      };
    });
  const permissions = plan.permissions
    .filter((p) => p.mode !== undefined || p.owner !== undefined)
    .map((p, index) => {
      const owner = p.owner ?? p.fromOwner;
      const group = p.group ?? p.fromGroup;
      return { index, path: p.path, mode: octal(p.mode ?? 0o7777), ownerGroup: owner && group ? `${owner}:${group}` : '' };
    });
  const planId = sha256(JSON.stringify({ files: plan.files.map((f) => [f.path, f.beforeSha256, f.after]), permissions: plan.permissions })).slice(0, 12);
  return renderTemplate('script/harden.sh.hbs', {
    version: VERSION,
    profile: oneLine(plan.profile),
    host: oneLine(opts.host ?? plan.facts.source),
    collectedAt: oneLine(plan.facts.collectedAt),
    scriptName: oneLine(opts.scriptName ?? 'docker-harden.sh'),
    backupDir: `/var/backups/docker-harden/script-${planId}`,
    headerLines: headerLines(plan),
    files,
    filesReversed: [...files].reverse(),
    permissions,
    steps: plan.steps.map((s) => ({ description: oneLine(s.description), command: s.command })),
  });
}

function headerLines(plan: Plan): string[] {
  const closes = [...new Set([...plan.files.flatMap((f) => f.closes), ...plan.permissions.flatMap((p) => p.closes)])].sort(compareIds);
  const lines = [`Closes CIS Docker Benchmark findings: ${closes.join(', ') || 'none'}`];
  if (plan.warnings.length) lines.push('Impact warnings:', ...plan.warnings.map((w) => `  - ${w.ruleId ? `${w.ruleId}: ` : ''}${oneLine(w.text)}`));
  if (plan.manual.length) lines.push('Left for a person to do:', ...plan.manual.map((m) => `  - ${m.ruleId ? `${m.ruleId}: ` : ''}${oneLine(m.text)}`));
  return lines;
}

/** Comment text must not end the comment: no control characters. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
}


function heredocDelimiter(content: string): string {
  const lines = new Set(content.split('\n'));
  let n = 0;
  while (lines.has(`DOCKER_HARDEN_EOF_${n}`)) n++;
  return `DOCKER_HARDEN_EOF_${n}`;
}

function compareIds(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? -1) !== (pb[i] ?? -1)) return (pa[i] ?? -1) - (pb[i] ?? -1);
  return 0;
}
