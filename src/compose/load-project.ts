// A Compose project as the renderer works on it: its base files parsed (the hardening override
// itself excluded, since it is rewritten), the effective service definitions, and the current
// text of the override. Projects come from the engine (container labels) or from --compose files.
import path from 'node:path';
import { isMap as isYamlMap } from 'yaml';
import type { Document } from 'yaml';
import type { ComposeProjectFacts } from '../facts/host-facts.js';
import type { ComposeFlavour } from './compose-flavour.js';
import { isMap, mergeServices, type ServiceDef } from './merge-services.js';
import { composeJs, composeParseError, parseCompose } from './yaml-io.js';

export const DEFAULT_OVERRIDE_NAME = 'docker-compose.hardening.yml';

export interface ComposeFileMeta {
  mode?: number;
  owner?: string;
  group?: string;
}

/** A project to render for: the probe's facts, or the same shape read from --compose files. */
export interface ComposeProjectInput extends ComposeProjectFacts {
  origin: 'engine' | 'file';
  flavour: ComposeFlavour;
  /** Owner and mode of config files, where the edge could stat them. */
  meta?: Record<string, ComposeFileMeta>;
}

export interface LoadedFile {
  path: string;
  content: string;
  doc: Document.Parsed;
}

export interface LoadedProject {
  input: ComposeProjectInput;
  projectDir: string;
  overridePath: string;
  base: LoadedFile[];
  services: Record<string, ServiceDef>;
  /** Service names in the order the base files define them. */
  order: string[];
}

export function overridePathFor(project: Pick<ComposeProjectFacts, 'configFiles' | 'workingDir'>, name = DEFAULT_OVERRIDE_NAME): string | null {
  const first = project.configFiles[0]?.path;
  const dir = first ? path.posix.dirname(first) : project.workingDir;
  return dir ? path.posix.join(dir, name) : null;
}

/** The loaded project, or the reason it cannot be worked on. */
export function loadProject(input: ComposeProjectInput, overrideName = DEFAULT_OVERRIDE_NAME): LoadedProject | { error: string } {
  const overridePath = overridePathFor(input, overrideName);
  if (!overridePath) return { error: 'Compose recorded no config files for it' };
  const base: LoadedFile[] = [];
  for (const f of input.configFiles) {
    if (f.path === overridePath) continue;
    if (f.content === null) return { error: `${f.path} could not be read${f.error ? ` (${f.error})` : ''}` };
    const doc = parseCompose(f.content);
    const err = composeParseError(doc, f.content);
    if (err) return { error: `${f.path} does not parse: ${err}` };
    base.push({ path: f.path, content: f.content, doc });
  }
  if (base.length === 0) return { error: 'it has no config file besides the hardening override' };
  const js = base.map((f) => composeJs(f.doc));
  for (const [i, j] of js.entries()) {
    // composeJs gives null for a top level that is not a mapping: ask the document itself.
    const top = base[i].doc.contents;
    const shapeError = top !== null && !isYamlMap(top) ? 'the top level must be a mapping of keys such as services:' : composeShapeError(j);
    if (shapeError) return { error: `${base[i].path} is not a Compose file docker-harden can work on: ${shapeError}` };
  }
  const services = mergeServices(js);
  const order = [...new Set(js.flatMap((j) => Object.keys((j?.services as object | undefined) ?? {})))];
  return { input, projectDir: input.workingDir ?? path.posix.dirname(base[0].path), overridePath, base, services, order };
}

/** The override's current text: from the project's own config files when Compose already uses it, else as the edge read it. */
export function existingOverride(project: LoadedProject, readByEdge: Record<string, string | null> | undefined): string | null {
  const own = project.input.configFiles.find((f) => f.path === project.overridePath);
  if (own?.content != null) return own.content;
  return readByEdge?.[project.overridePath] ?? null;
}

/**
 * What Compose itself would refuse before anything is planned: a top level or a `services:` that is
 * not a mapping, or a service defined as a list, string or number (an empty `web:` is allowed).
 */
export function composeShapeError(js: unknown): string | null {
  if (js === null || js === undefined) return null;
  if (!isMap(js)) return 'the top level must be a mapping of keys such as services:';
  const services = js.services;
  if (services === undefined || services === null) return null;
  if (!isMap(services)) return '"services" must be a mapping of service names to their definitions';
  for (const [name, def] of Object.entries(services)) {
    if (def !== null && !isMap(def)) return `service ${JSON.stringify(name)} must be a mapping of settings`;
  }
  return null;
}
