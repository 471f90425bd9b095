// The HTML report: one self-contained file for an auditor. Handlebars with its HTML escaping on
// (`{{ }}` everywhere), the page's own CSS and JS inlined from templates/report/, and a Content
// Security Policy that allows exactly that script and style by hash and nothing from the network,
// so even a value that slipped past escaping could not run or fetch anything.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { VERSION } from '../../core/version.js';
import type { AuditReport } from '../findings.js';
import { buildReportModel, type HtmlReportContext } from './report-model.js';

// src/audit/html and dist/audit/html are both three levels below the package root.
const REPORT_TEMPLATES = fileURLToPath(new URL('../../../templates/report/', import.meta.url));

export type HtmlFormatContext = Partial<HtmlReportContext>;

type Render = (model: object) => string;
let compiled: Render | undefined;

export function formatHtml(report: AuditReport, ctx: HtmlFormatContext = {}): string {
  const model = buildReportModel(report, { ...ctx, now: ctx.now ?? new Date(), toolVersion: ctx.toolVersion ?? VERSION });
  compiled ??= compileReport();
  return compiled(model);
}

function compileReport(): Render {
  // Loaded on first use: the other report formats never pay for Handlebars.
  const Handlebars = createRequire(import.meta.url)('handlebars') as typeof import('handlebars');
  const env = Handlebars.create();
  const assets = { style: asset('report.css'), script: asset('report.js') };
  for (const file of readdirSync(REPORT_TEMPLATES)) {
    if (file.endsWith('.html.hbs') && file !== 'report.html.hbs') env.registerPartial(file.replace(/\.html\.hbs$/, ''), read(file));
  }
  // Our own files, never host data: the only output that is not escaped.
  env.registerHelper('asset', (name: 'style' | 'script') => new Handlebars.SafeString(assets[name]));
  env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  env.registerHelper('plural', (n: number, one: string, many: string) => (n === 1 ? one : many));
  const csp = [
    "default-src 'none'",
    `style-src '${sha256(assets.style)}'`,
    `script-src '${sha256(assets.script)}'`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const page = env.compile(read('report.html.hbs'), { strict: true });
  return (model) => page({ ...model, csp });
}

function read(file: string): string {
  return readFileSync(path.join(REPORT_TEMPLATES, file), 'utf8');
}

/** Inlined CSS or JS; a "</" inside would end the element early, so the files must not contain one. */
function asset(file: string): string {
  const text = read(file);
  if (/<\//.test(text)) throw new Error(`templates/report/${file} contains "</", which would end its inline element`);
  return `\n${text}`;
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
