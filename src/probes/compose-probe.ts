// Probe 'compose': Compose projects found through the labels Compose puts on every container it
// creates, with the project's config files read from disk so fixes can go into an override file.
import path from 'node:path';
import type { ComposeProjectFacts, EngineFacts } from '../facts/host-facts.js';
import { readHostText } from './host-fs.js';
import { probed, type Probed } from './probe.js';
import type { HostAccess } from './host-reader.js';

const PROJECT = 'com.docker.compose.project';
const CONFIG_FILES = 'com.docker.compose.project.config_files';
const WORKING_DIR = 'com.docker.compose.project.working_dir';
const SERVICE = 'com.docker.compose.service';

export async function probeCompose(root: HostAccess, engine: EngineFacts | null): Promise<Probed<ComposeProjectFacts[]>> {
  if (!engine) return probed([], 'not-running', 'no engine to list containers from');
  const projects = groupProjects(engine.containers);
  await Promise.all(
    projects.map(async (p) => {
      p.configFiles = await Promise.all(
        p.configFiles.map(async ({ path: file }) => {
          const read = await readHostText(root, file);
          return read.content === null ? { path: file, content: null, error: read.message } : { path: file, content: read.content };
        }),
      );
    }),
  );
  if (projects.length === 0) return probed(projects, 'ok', 'no Compose projects');
  return probed(projects, 'ok', `${projects.length} project${projects.length === 1 ? '' : 's'}: ${projects.map((p) => p.name).join(', ')}`);
}

/** Projects by label, without file contents; containers of one project may disagree, so files are merged. */
export function groupProjects(containers: readonly Record<string, any>[]): ComposeProjectFacts[] {
  const byName = new Map<string, ComposeProjectFacts>();
  for (const c of containers) {
    const labels: Record<string, string> = c.Config?.Labels ?? {};
    const name = labels[PROJECT];
    if (!name) continue;
    let project = byName.get(name);
    if (!project) {
      project = { name, workingDir: labels[WORKING_DIR] || null, configFiles: [], services: {} };
      byName.set(name, project);
    }
    project.workingDir ??= labels[WORKING_DIR] || null;
    for (const raw of (labels[CONFIG_FILES] ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean)) {
      // Compose records absolute paths; resolve anything else against the project directory.
      const file = path.posix.isAbsolute(raw) || !project.workingDir ? raw : path.posix.join(project.workingDir, raw);
      if (!project.configFiles.some((f) => f.path === file)) project.configFiles.push({ path: file, content: null });
    }
    const service = labels[SERVICE] ?? '';
    const containerName = String(c.Name ?? '').replace(/^\//, '');
    (project.services[service] ??= []).push(containerName);
  }
  const projects = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  for (const p of projects) for (const names of Object.values(p.services)) names.sort();
  return projects;
}
