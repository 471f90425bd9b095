import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../run-audit.js';
import { sampleFacts, sampleRules } from '../testing/sample-rules.js';
import { formatHtml } from './format-html.js';

const NOW = new Date('2025-06-15T00:00:00Z');
const TEMPLATES = fileURLToPath(new URL('../../../templates/report/', import.meta.url));
const HOSTILE = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';

function render(containerName = 'web', reason = 'CI runner') {
  const facts = sampleFacts();
  facts.engine!.containers[0]!.Name = `/${containerName}`;
  const waivers = [{ id: '5.5', reason, expires: '2025-06-30' }];
  const report = runAudit(facts, sampleRules, { now: NOW, waivers });
  return formatHtml(report, { facts, now: NOW, toolVersion: '1.2.3', profileName: 'baseline', waivers });
}

describe('HTML report', () => {
  it('is one page with the host, the profile, the section bars and the filters', () => {
    const html = render();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<title>CIS Docker audit of node-1</title>');
    expect(html).toContain('<dd>baseline</dd>');
    expect(html).toMatch(/<rect class="seg-fail" x="0.00" y="0" width="50.00" height="8">/);
    expect(html).toContain('<input type="radio" name="status" value="fail">');
    expect(html).toMatch(/data-status="waived" data-severity="critical" data-section="5"/);
  });

  it('escapes every host value, in text and in attributes', () => {
    const html = render(HOSTILE, `"quoted" reason' onmouseover=alert(3) <marquee>`);
    expect(html).not.toContain('alert(1)</script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<marquee>');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;');
    expect(html).toContain('&quot;quoted&quot; reason&#x27; onmouseover&#x3D;alert(3) &lt;marquee&gt;');
    expect(html.match(/<script\b/g)).toHaveLength(1);
  });

  it('needs no network: no URL is loaded, and the CSP allows only its own style and script', () => {
    const html = render();
    expect(html).not.toMatch(/\b(src|href)="(?!#)/);
    expect(html).not.toMatch(/@import|url\(/);
    const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
    const hash = (tag: string) => {
      const body = html.match(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`))![1]!;
      return `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
    };
    // The attribute is escaped like any other value; the browser reads it unescaped.
    const policy = csp?.replace(/&#x27;/g, "'").replace(/&#x3D;/g, '=');
    expect(policy).toBe(`default-src 'none'; style-src ${hash('style')}; script-src ${hash('script')}; img-src 'none'; base-uri 'none'; form-action 'none'`);
  });

  it('keeps its templates escaped: no triple-stash, no "</" in the inlined CSS and JS', () => {
    for (const file of readdirSync(TEMPLATES)) {
      const text = readFileSync(path.join(TEMPLATES, file), 'utf8');
      if (file.endsWith('.hbs')) expect(text, file).not.toContain('{{{');
      else expect(text, file).not.toContain('</');
    }
  });
});
