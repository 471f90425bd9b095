// DH-IMG-004: compilers, build systems and download tools installed in the final image, where
// they only widen the attack surface. A multi-stage build keeps them in a build stage (manual).
import type { CheckOutcome } from '../types.js';
import { chainInstructions, finalStage } from '../model.js';
import { runCommands } from '../shell.js';
import { packageCommands, virtualGroup } from '../packages.js';
import { ownCheck } from './define-check.js';

const BUILD_TOOLS = new Set([
  'gcc',
  'g++',
  'clang',
  'make',
  'cmake',
  'build-essential',
  'build-base',
  'autoconf',
  'automake',
  'libtool',
  'git',
  'golang',
  'maven',
  'gradle',
]);
const DOWNLOADERS = new Set(['curl', 'wget']);
const isBuildTool = (p: string) => BUILD_TOOLS.has(p) || /-dev(el)?$/.test(p);

export const buildTools = ownCheck({
  id: 'DH-IMG-004',
  title: 'No build tools in the final image',
  severity: 'medium',
  rationale:
    'Compilers, headers, git and download tools in a running image help an intruder build and fetch tools; the application needs none of them at run time.',
  remediation: 'Build in a separate stage (FROM ... AS build) and COPY --from=build only the result into a small final stage.',
  check(doc) {
    const chain = chainInstructions(finalStage(doc));
    // curl/wget stay when the image itself uses them (a HEALTHCHECK or the entrypoint).
    const runtime = new Set(chain.filter((i) => ['HEALTHCHECK', 'CMD', 'ENTRYPOINT'].includes(i.keyword)).flatMap((i) => i.args.split(/[\s"',[\]]+/)));
    const runs = chain.filter((i) => i.keyword === 'RUN').map((run) => ({ run, cmds: packageCommands(runCommands(doc, run)) }));
    const removed = new Set(runs.flatMap((r) => r.cmds.filter((c) => c.action === 'remove').flatMap((c) => c.packages)));
    // curl and wget count only when a RUN downloads with them: otherwise the app may need them.
    const usedAtBuild = new Set(chain.filter((i) => i.keyword === 'RUN').flatMap((run) => runCommands(doc, run).map((c) => c.words[0])));
    const isBuildOnly = (p: string) => (DOWNLOADERS.has(p) ? usedAtBuild.has(p) : isBuildTool(p));
    const single = doc.stages.length === 1;
    const out: CheckOutcome[] = [];
    for (const { run, cmds } of runs) {
      const tools = cmds
        .filter((c) => c.action === 'install' && !removed.has(virtualGroup(c) ?? ''))
        .flatMap((c) => c.packages)
        .filter((p) => isBuildOnly(p) && !removed.has(p) && !runtime.has(p));
      if (tools.length === 0) continue;
      out.push({
        line: run.line,
        message: `the final image keeps build tools (${tools.join(', ')})${single ? ' of a single-stage build' : ''}`,
        advice: single
          ? 'use a multi-stage build: FROM <base> AS build, install the tools and build there, then FROM <small base> and COPY --from=build only the built files'
          : 'install these tools in the build stage and COPY --from=<build stage> only the result into the final stage',
      });
    }
    return out;
  },
});
