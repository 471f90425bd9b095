// Compose projects -> an override file per project (docker-compose.hardening.yml beside its first
// config file) plus, where the project's Compose version cannot remove something through an
// override, a patch of the base file that holds it. Pure: file contents come from the facts or
// from the edge (the `existing` map); every change is a FileChange of artifact 'compose-override'.
import type { HostFacts } from '../facts/host-facts.js';
import type { HardeningParams } from '../rules/params.js';
import type { FileChange, PlanNotes } from '../plan-model/plan.js';
import { fileChange } from '../plan-model/file-change.js';
import type { Tagged } from '../rules/contribution.js';
import { describeFlavour } from '../compose/compose-flavour.js';
import { existingOverride, loadProject, type ComposeFileMeta, type ComposeProjectInput, type LoadedProject } from '../compose/load-project.js';
import { patchComposeFile, type ServiceOp } from '../compose/patch-base.js';
import type { BaseOp, OverrideEntry } from '../compose/placement.js';
import { renderOverride } from '../compose/render-override.js';
import { shellQuote } from '../core/shell-quote.js';
import { composeProjects } from './compose-override-projects.js';
import { planComposeService } from './compose-override-service.js';

export interface ComposeOverrideInput {
  facts: HostFacts;
  contributions: readonly Tagged[];
  params: HardeningParams;
  profileName: string;
  /** Rule ids the profile selected, after waivers. */
  selected: ReadonlySet<string>;
  /** Projects read from --compose files. */
  fileProjects?: readonly ComposeProjectInput[];
  /** Current text of override files as the edge read them (null: absent). */
  existing?: Record<string, string | null>;
  overrideName?: string;
}

export interface ComposeOverrideResult extends PlanNotes {
  files: FileChange[];
  /** compose-service contributions that became file changes, with the files of their project; the rest stay advice. */
  handled: Map<Tagged, string[]>;
}

export function renderComposeOverrides(input: ComposeOverrideInput): ComposeOverrideResult {
  const out: ComposeOverrideResult = { files: [], warnings: [], manual: [], refused: [], handled: new Map() };
  const { projects, notes } = composeProjects(input.facts, input.fileProjects);
  out.manual.push(...notes);
  for (const p of projects) renderProject(p, input, out);
  return out;
}

function fileMeta(p: ComposeProjectInput, facts: HostFacts, path: string): Required<ComposeFileMeta> {
  const own = p.meta?.[path];
  const stat = facts.files[path];
  const owner = own?.owner ?? stat?.owner ?? (stat?.uid !== undefined ? String(stat.uid) : 'root');
  const group = own?.group ?? stat?.group ?? (stat?.gid !== undefined ? String(stat.gid) : 'root');
  return { mode: own?.mode ?? stat?.mode ?? 0o644, owner, group };
}

function recreateCommand(project: LoadedProject, withOverride: boolean): string {
  const { flavour, name, origin } = project.input;
  const tool = flavour.generation === 2 ? 'docker compose' : 'docker-compose';
  const files = [...project.base.map((f) => f.path), ...(withOverride ? [project.overridePath] : [])];
  return `${tool}${origin === 'engine' ? ` -p ${shellQuote(name)}` : ''} ${files.map((f) => `-f ${shellQuote(f)}`).join(' ')} up -d`;
}

function renderProject(p: ComposeProjectInput, input: ComposeOverrideInput, out: ComposeOverrideResult): void {
  const loaded = loadProject(p, input.overrideName);
  if ('error' in loaded) {
    if (p.origin === 'file') {
      // A file the user named on the command line must be fixed before anything is applied.
      out.refused.push({
        key: p.configFiles[0]?.path,
        blocking: true,
        text: `The compose project ${p.name} given with --compose cannot be planned: ${loaded.error}.`,
      });
    } else if (input.contributions.some((c) => c.kind === 'compose-service' && c.project === p.name)) {
      out.manual.push({ text: `Compose project ${p.name}: ${loaded.error}, so its settings are listed as advice instead of an override file.` });
    }
    return;
  }
  const services: { name: string; entries: OverrideEntry[] }[] = [];
  const ops: ServiceOp[] = [];
  const handled: Tagged[] = [];
  // The project's own warnings are about the files it writes (known once they are rendered below), and no other's.
  const ownWarnings = out.warnings.length;
  const scopeOwn = (paths: string[]) =>
    out.warnings.slice(ownWarnings).forEach((n) => {
      n.paths ??= paths;
    });
  for (const name of loaded.order) {
    const r = planComposeService(loaded, name, input, out);
    if (!r) continue;
    handled.push(...r.handled);
    out.warnings.push(...r.placement.warnings);
    out.manual.push(...r.placement.manual);
    if (r.placement.override.length) services.push({ name, entries: r.placement.override });
    ops.push(...r.placement.base.map((op) => ({ service: name, op })));
  }
  if (services.length === 0 && ops.length === 0) {
    scopeOwn([]);
    return;
  }

  const changes: FileChange[] = [];
  if (services.length) {
    const existing = existingOverride(loaded, input.existing);
    const header = ` Hardening for Compose project ${p.name} (CIS Docker Benchmark section 5, profile ${input.profileName}).\n Use it after the project's own files:\n   ${recreateCommand(loaded, true)}\n Each setting names the items it closes; the plan's warnings say what each may break.`;
    const rendered = renderOverride({ existing, header, services });
    if ('error' in rendered) {
      out.refused.push({
        key: loaded.overridePath,
        text: `${loaded.overridePath} does not parse (${rendered.error}); it is left as it is, and the settings for project ${p.name} are listed as advice.`,
      });
      scopeOwn([]);
      return;
    }
    const meta = fileMeta(p, input.facts, loaded.base[0].path);
    const closes = services.flatMap((s) => s.entries.flatMap((e) => e.rules));
    changes.push(
      fileChange({
        path: loaded.overridePath,
        before: existing,
        after: rendered.text,
        mode: meta.mode,
        owner: meta.owner,
        group: meta.group,
        closes,
        artifact: 'compose-override',
      }),
    );
  }
  const applied = new Set<BaseOp>();
  for (const f of loaded.base) {
    const res = patchComposeFile(f.content, ops);
    if (res.applied.size === 0) continue;
    for (const op of res.applied) applied.add(op);
    const meta = fileMeta(p, input.facts, f.path);
    changes.push(
      fileChange({
        path: f.path,
        before: f.content,
        after: res.text,
        ...meta,
        closes: [...res.applied].flatMap((op) => op.rules),
        artifact: 'compose-override',
      }),
    );
    const what = [...res.applied].map((op) => op.what).join('; ');
    out.warnings.push({
      paths: [f.path],
      text: `Compose project ${p.name}: ${describeFlavour(p.flavour)} cannot make these changes through an override file, so ${f.path} itself is changed: ${what}.${res.reformatted ? ' It could not be edited line by line and is rewritten whole: review its diff.' : ''}`,
    });
  }
  for (const { service, op } of ops) {
    if (applied.has(op)) continue;
    out.manual.push({
      ruleId: op.rules[0],
      text: `Compose service ${p.name}/${service}: make this change by hand (${op.what}); no config file holds the value as a plain entry (an anchor, extends or an environment variable sets it).`,
    });
  }
  out.files.push(...changes);
  const written = changes.map((f) => f.path);
  scopeOwn(written);
  for (const c of handled) out.handled.set(c, written);
  const how =
    p.origin === 'engine' ? 'recreate its containers so the settings take effect (this restarts them)' : 'bring it up with these files so the settings apply';
  out.manual.push({
    paths: services.length > 0 ? [loaded.overridePath] : written,
    text: `Compose project ${p.name}: ${how}: ${recreateCommand(loaded, services.length > 0)}`,
  });
}
