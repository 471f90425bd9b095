// Facts files (--from): a real host's facts with values changed anywhere in them, or text that is
// not quite JSON.
import fc from 'fast-check';
import type { FuzzCase } from './case.js';
import { commandArgs } from './commands.js';
import { hostFacts } from './fixtures.js';
import { mutatedJson, mutatedText } from './mutate.js';

const factsText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .constantFrom(...hostFacts)
      .chain(mutatedJson)
      .map((v) => JSON.stringify(v, null, 2) ?? 'null'),
  },
  { weight: 2, arbitrary: fc.constantFrom(...hostFacts).chain((f) => mutatedText(JSON.stringify(f, null, 2))) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', 'null', '[]', '{"schemaVersion": 1}', '{"schemaVersion": 99}', '\uFEFF{}', '['.repeat(100_000), '{"a":'.repeat(50_000)),
  },
);

export const factsCase: fc.Arbitrary<FuzzCase> = fc.tuple(factsText, commandArgs()).map(([text, cmd]) => ({
  kind: 'facts',
  entries: [{ path: 'in/facts.json', type: 'file', content: text }],
  argv: ['--from', '{CASE}/in/facts.json', '--root', '{ROOT}', ...cmd],
}));
