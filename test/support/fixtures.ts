// Facts fixtures: a JSON file holds only the parts of HostFacts that matter to the test; the rest
// comes from emptyFacts().
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { HostFacts } from '../../src/facts/host-facts.js';
import { emptyFacts } from '../../src/facts/empty-facts.js';

export const FIXTURES_DIR = path.resolve(import.meta.dirname, '../fixtures');
export const RULE_FIXTURES_DIR = path.join(FIXTURES_DIR, 'rules');

export function loadFacts(file: string): HostFacts {
  return emptyFacts(JSON.parse(readFileSync(file, 'utf8')) as Partial<HostFacts>);
}

/** test/fixtures/rules/<id>/{pass,fail}*.json for one rule id. */
export function ruleFixtures(id: string): { pass: string[]; fail: string[] } {
  const dir = path.join(RULE_FIXTURES_DIR, id);
  if (!existsSync(dir)) return { pass: [], fail: [] };
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  return {
    pass: files.filter((f) => f.startsWith('pass')).map((f) => path.join(dir, f)),
    fail: files.filter((f) => f.startsWith('fail')).map((f) => path.join(dir, f)),
  };
}
