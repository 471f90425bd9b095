// The one place templates are rendered. Each target gets its own Handlebars environment with
// only its escaping helpers, and noEscape: nothing is HTML-escaped, every value is escaped
// explicitly for the language it lands in (a `{{sh x}}` in a unit file fails to compile).
import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { auditWord, shellQuote, systemdExecWord, systemdValue } from './escape.js';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export type TemplateTarget = 'sh' | 'systemd' | 'json' | 'audit';
type Helper = (...args: any[]) => string;

/** Strict mode does not reach helper arguments: a missing value would print as "undefined". */
function present(v: unknown): string {
  if (v === undefined || v === null) throw new Error('template value is missing');
  return String(v);
}

const HELPERS: Record<TemplateTarget, Record<string, Helper>> = {
  sh: { sh: (v: unknown) => shellQuote(present(v)) },
  systemd: {
    ini: (v: unknown) => systemdValue(present(v)),
    exec: (words: unknown) => (words as unknown[]).map((w) => systemdExecWord(present(w))).join(' '),
  },
  json: { json: (v: unknown) => JSON.stringify(v === undefined ? present(v) : v) },
  audit: { rule: (v: unknown) => present(v).split(' ').map(auditWord).join(' ') },
};

const compiled = new Map<string, HandlebarsTemplateDelegate>();

/** Render templates/<name>, e.g. "systemd/dropin.conf.hbs"; the name's suffix picks the target. */
export function renderTemplate(name: string, data: object): string {
  let template = compiled.get(name);
  if (!template) {
    const target = targetOf(name);
    template = compileTemplate(readFileSync(path.join(TEMPLATES_DIR, name), 'utf8'), target);
    compiled.set(name, template);
  }
  return template(data);
}

/** Compile with only `target`'s helpers; strict, so a missing field is an error, not an empty string. */
export function compileTemplate(source: string, target: TemplateTarget): HandlebarsTemplateDelegate {
  const env = Handlebars.create();
  for (const [helper, fn] of Object.entries(HELPERS[target])) env.registerHelper(helper, fn);
  return env.compile(source, { noEscape: true, strict: true });
}

function targetOf(name: string): TemplateTarget {
  if (/\.sh\.hbs$/.test(name)) return 'sh';
  if (/\.(conf|service|socket)\.hbs$/.test(name)) return 'systemd';
  if (/\.json\.hbs$/.test(name)) return 'json';
  if (/\.rules\.hbs$/.test(name)) return 'audit';
  throw new Error(`no escaping target for template ${name}`);
}
