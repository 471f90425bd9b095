// CIS 4.7: no package index update (or upgrade) in a RUN that installs nothing. The cached layer
// would keep stale indexes for every later build. Not rewritten: the advice gives the RUN to use.
import type { CheckOutcome } from '../types.js';
import type { DockerfileDoc, Instr } from '../model.js';
import { runCommands } from '../shell.js';
import { packageCommands, type Manager, type PackageCommand } from '../packages.js';
import { oneLineScript } from '../instr-args.js';
import { cisCheck } from './define-check.js';

export const updateAlone = cisCheck({
  id: '4.7',
  rationale:
    'A RUN that only updates package indexes is cached as its own layer; later builds reuse the stale indexes and install outdated (unpatched) packages.',
  remediation: 'Update and install in the same RUN (apt-get update && apt-get install -y ...), pin package versions, or build with --no-cache.',
  check(doc) {
    const out: CheckOutcome[] = [];
    for (const stage of doc.stages) {
      const runs = stage.instructions.filter((i) => i.keyword === 'RUN');
      runs.forEach((run, n) => {
        const cmds = packageCommands(runCommands(doc, run));
        const update = cmds.find((c) => c.action === 'update' || c.action === 'upgrade');
        if (!update || cmds.some((c) => c.action === 'install')) return;
        out.push({
          line: run.line,
          message: `"${update.text}" runs without an install in the same RUN, so its layer caches stale package indexes`,
          advice: `use one RUN: ${suggestion(doc, run, update, runs[n + 1])}`,
        });
      });
    }
    return out;
  },
});

function suggestion(doc: DockerfileDoc, run: Instr, update: PackageCommand, next: Instr | undefined): string {
  const nextInstalls = next && packageCommands(runCommands(doc, next)).some((c) => c.action === 'install' && c.manager === update.manager);
  if (nextInstalls) return `RUN ${oneLineScript(doc, run)} && ${oneLineScript(doc, next)}`;
  return TEMPLATES[update.manager](update.program);
}

const TEMPLATES: Record<Manager, (program: string) => string> = {
  apt: () => 'RUN apt-get update && apt-get install -y --no-install-recommends <package>=<version> && rm -rf /var/lib/apt/lists/*',
  apk: () => 'RUN apk add --no-cache <package>=<version> (apk add --no-cache needs no separate apk update)',
  yum: (p) => `RUN ${p} install -y <package>-<version> && ${p} clean all`,
  zypper: () => 'RUN zypper --non-interactive refresh && zypper --non-interactive install <package>=<version> && zypper clean --all',
};
