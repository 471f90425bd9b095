// daemon.json found at ROOT/etc/docker/daemon.json while inspecting a --root tree: changed values,
// broken text, and the shapes that have crashed JSON handling elsewhere (prototype keys, deep
// nesting, numbers beyond double precision).
import fc from 'fast-check';
import type { FuzzCase } from './case.js';
import { commandArgs } from './commands.js';
import { daemonJsonTexts, hostFacts } from './fixtures.js';
import { mutatedJson, mutatedText } from './mutate.js';

const special = fc.constantFrom(
  '{"constructor": "#"}',
  '{"__proto__": {"debug": true}, "hasOwnProperty": 1}',
  '{"toString": "x", "valueOf": []}',
  `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`,
  `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
  '{"max-concurrent-downloads": 12345678901234567890, "x": 1.0, "y": -0, "z": 1e400}',
  '{"debug": true, "debug": false}',
  '{"log-opts": {"max-size": "10m"}, } // trailing comma and a comment',
  '\uFEFF{"debug": true}',
  '',
);

const text: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .constantFrom(...daemonJsonTexts)
      .chain((t) => mutatedJson(JSON.parse(t)))
      .map((v) => JSON.stringify(v, null, 2) ?? ''),
  },
  { weight: 3, arbitrary: fc.constantFrom(...daemonJsonTexts).chain(mutatedText) },
  { weight: 2, arbitrary: special },
);

/** The facts a host with this daemon.json would give: its text as read, and its value where it parses. */
function factsWith(text: string, host: number): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const facts = structuredClone(hostFacts[host]) as Record<string, unknown>;
  facts.daemonJson = { path: '/etc/docker/daemon.json', raw: text, ...(parsed === undefined ? {} : { parsed }) };
  try {
    return JSON.stringify(facts);
  } catch {
    // Too deep to write back out: the text alone, as a probe that could not parse it records it.
    facts.daemonJson = { path: '/etc/docker/daemon.json', raw: text };
    return JSON.stringify(facts);
  }
}

// Both ways the file reaches a plan: read from the --root tree by the probes (a tree without an
// engine: the commands that need one refuse), and replayed from facts with the same file in the root.
export const daemonJsonCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(text, commandArgs(), fc.boolean(), fc.nat(hostFacts.length - 1))
  .map(([content, cmd, fromFacts, host]) => ({
    kind: 'daemon-json',
    entries: [
      { path: 'root/etc/docker/daemon.json', type: 'file', content },
      ...(fromFacts ? [{ path: 'in/facts.json', type: 'file' as const, content: factsWith(content, host) }] : []),
    ],
    argv: [...(fromFacts ? ['--from', '{CASE}/in/facts.json'] : []), '--root', '{ROOT}', ...cmd],
  }));
