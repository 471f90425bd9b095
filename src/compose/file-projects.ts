// Compose files given on the command line (--compose), turned into projects like those the probe
// finds through container labels. Files in one directory form one project in the order given
// (as `docker-compose -f a.yml -f b.yml` would merge them); files in different directories are
// different projects. Their containers may not exist, so services have no container names.
import path from 'node:path';
import { composeFlavour } from './compose-flavour.js';
import type { ComposeFileMeta, ComposeProjectInput } from './load-project.js';
import { composeJs, parseCompose } from './yaml-io.js';

export interface GivenComposeFile {
  /** Absolute host path. */
  path: string;
  content: string;
  meta?: ComposeFileMeta;
}

/** The project name Compose derives from a directory: lower case, letters, digits, '-' and '_'. */
export function projectNameFor(dir: string): string {
  return (
    path.posix
      .basename(dir)
      .toLowerCase()
      .replace(/[^a-z0-9_-]/g, '') || 'default'
  );
}

export function fileProjects(files: readonly GivenComposeFile[], composeVersion: string | null = null): ComposeProjectInput[] {
  const byDir = new Map<string, GivenComposeFile[]>();
  for (const f of files) {
    const dir = path.posix.dirname(f.path);
    byDir.set(dir, [...(byDir.get(dir) ?? []), f]);
  }
  return [...byDir.entries()].map(([dir, group]) => {
    const services: Record<string, string[]> = {};
    let name: string | null = null;
    for (const f of group) {
      const js = composeJs(parseCompose(f.content));
      if (typeof js?.name === 'string' && js.name) name = js.name;
      const defined = js?.services && typeof js.services === 'object' ? Object.keys(js.services) : [];
      for (const s of defined) services[s] ??= [];
    }
    const meta: Record<string, ComposeFileMeta> = {};
    for (const f of group) if (f.meta) meta[f.path] = f.meta;
    return {
      name: name ?? projectNameFor(dir),
      workingDir: dir,
      configFiles: group.map((f) => ({ path: f.path, content: f.content })),
      services,
      origin: 'file' as const,
      flavour: composeFlavour(composeVersion),
      meta,
    };
  });
}
