// Build contexts of the Compose projects in the facts: services[].build as a string (the context)
// or {context, dockerfile}. Remote contexts and inline Dockerfiles are skipped. Pure.
import path from 'node:path';
import { parse } from 'yaml';
import type { HostFacts } from '../facts/host-facts.js';

export interface BuildTarget {
  /** Host paths (relative to the facts' root). */
  dockerfile: string;
  context: string;
  project: string;
  service: string;
}

export function composeBuildTargets(facts: Pick<HostFacts, 'compose'>): BuildTarget[] {
  const out: BuildTarget[] = [];
  for (const project of facts.compose) {
    for (const file of project.configFiles) {
      if (file.content === null) continue;
      let doc: unknown;
      try {
        doc = parse(file.content);
      } catch {
        continue;
      }
      const services = (doc as { services?: Record<string, { build?: unknown }> } | null)?.services ?? {};
      const base = project.workingDir ?? path.posix.dirname(file.path);
      for (const [service, def] of Object.entries(services)) {
        const target = buildTarget(def?.build, base);
        if (target && !out.some((t) => t.dockerfile === target.dockerfile)) out.push({ ...target, project: project.name, service });
      }
    }
  }
  return out;
}

function buildTarget(build: unknown, base: string): { dockerfile: string; context: string } | null {
  const spec = typeof build === 'string' ? { context: build } : build;
  if (!spec || typeof spec !== 'object' || 'dockerfile_inline' in spec) return null;
  const { context: rawContext = '.', dockerfile = 'Dockerfile' } = spec as { context?: unknown; dockerfile?: unknown };
  if (typeof rawContext !== 'string' || typeof dockerfile !== 'string' || /^[a-z]+:\/\/|^git@/i.test(rawContext)) return null;
  const context = path.posix.resolve(base, rawContext);
  return { dockerfile: path.posix.resolve(context, dockerfile), context };
}
