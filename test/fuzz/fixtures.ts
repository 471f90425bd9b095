// Real inputs the generators start from: the host facts, compose files, profiles and Dockerfiles
// the other suites use, read once.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { emptyFacts } from '../../src/facts/empty-facts.js';

const TEST = path.resolve(import.meta.dirname, '..');
const REPO = path.resolve(TEST, '..');

const read = (file: string) => readFileSync(file, 'utf8');

export const hostFacts: unknown[] = readdirSync(path.join(TEST, 'fixtures/hosts'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(read(path.join(TEST, 'fixtures/hosts', f))));

export const composeFiles: string[] = readdirSync(path.join(TEST, 'fixtures/compose'))
  .sort()
  .map((d) => read(path.join(TEST, 'fixtures/compose', d, 'docker-compose.yml')));

export const profiles: string[] = readdirSync(path.join(REPO, 'profiles'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => read(path.join(REPO, 'profiles', f)));

export const dockerfiles: string[] = readdirSync(path.join(TEST, 'fixtures/dockerfiles'))
  .sort()
  .map((d) => path.join(TEST, 'fixtures/dockerfiles', d, 'Dockerfile'))
  .flatMap((f) => {
    try {
      return [read(f)];
    } catch {
      return [];
    }
  });

/** Facts of a host with no engine, for commands whose subject is another input. */
export const noEngineFacts = JSON.stringify(emptyFacts({ probes: { engine: { status: 'missing' } } }));

/** daemon.json as hosts have them: the fixtures' own, when they record the file's text. */
export const daemonJsonTexts: string[] = [
  '{\n  "log-driver": "json-file",\n  "log-opts": { "max-size": "10m" },\n  "hosts": ["fd://"]\n}\n',
  '{\n\t"live-restore": true,\n\t"max-concurrent-downloads": 9007199254740993,\n\t"builder": { "gc": { "defaultKeepStorage": "1.0" } }\n}\n',
  '{}',
  '{ "icc": false, "userns-remap": "default", "default-ulimits": { "nofile": { "Name": "nofile", "Hard": 64000, "Soft": 64000 } } }\n',
];
