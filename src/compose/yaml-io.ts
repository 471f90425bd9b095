// Reading and writing Compose YAML. Files are read as YAML 1.1, as docker-compose 1.x (PyYAML)
// reads them: `yes` is a boolean there and `8080:50` a sexagesimal number. Written values are
// quoted wherever YAML 1.1 would read them as something other than the string meant, and the
// `!reset` / `!override` tags of Compose v2 parse instead of raising warnings.
import { Document, parseDocument, type DocumentOptions, type ParseOptions, type SchemaOptions, type ToStringOptions } from 'yaml';
import { yamlStructureProblem, yamlToJs } from '../core/yaml-guard.js';

type Tags = NonNullable<SchemaOptions['customTags']>;

export const COMPOSE_TAGS: Tags = [
  { tag: '!reset', collection: 'seq', default: false },
  { tag: '!reset', collection: 'map', default: false },
  { tag: '!reset', default: false, resolve: () => null, stringify: () => 'null' },
  { tag: '!override', collection: 'seq', default: false },
  { tag: '!override', collection: 'map', default: false },
];

const OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = { version: '1.1', merge: true, customTags: COMPOSE_TAGS };

/** No folding of long lines, and `[a]` rather than `[ a ]` for flow lists. */
export const TO_STRING: ToStringOptions = { lineWidth: 0, flowCollectionPadding: false };

export function parseCompose(text: string): Document.Parsed {
  return parseDocument(text, OPTIONS);
}

export function newComposeDocument(value: unknown): Document {
  return new Document(value, OPTIONS);
}

/**
 * The first parse error, as one line, or null: syntax first, then what the file would expand to
 * (alias bombs, unresolved or self-containing aliases, merge keys that name no mapping).
 */
export function composeParseError(doc: Document.Parsed, text: string): string | null {
  const err = doc.errors[0];
  if (err) return err.message.split('\n')[0].replace(/:$/, '');
  const problem =
    yamlStructureProblem(doc, true) ??
    (() => {
      const js = yamlToJs(doc);
      return js.ok ? null : js.problem;
    })();
  if (!problem) return null;
  if (problem.offset === undefined) return problem.message;
  const before = text.slice(0, problem.offset);
  const line = before.split('\n').length;
  return `${problem.message} at line ${line}, column ${problem.offset - before.lastIndexOf('\n')}`;
}

/**
 * Plain JSON of a parsed file (aliases and merge keys resolved), or null when it is not a mapping
 * or cannot become data (composeParseError says why).
 */
export function composeJs(doc: Document.Parsed): Record<string, unknown> | null {
  if (doc.errors.length > 0 || yamlStructureProblem(doc, true)) return null;
  const js = yamlToJs(doc);
  const value = js.ok ? js.value : null;
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

const YAML11_SPECIAL = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/;

/** A string as it may stand in a YAML file without quotes for both YAML 1.1 and 1.2 readers, else double-quoted. */
export function yamlString(value: string): string {
  const numberLike = /^[-+.]?\d/.test(value) && /^[-+0-9.:_eExXoObB]+$/.test(value);
  const plainSafe =
    value !== '' &&
    !YAML11_SPECIAL.test(value) &&
    !numberLike &&
    /^[A-Za-z0-9_./@%+=,()-][A-Za-z0-9_./@%+=,():[\]-]*$/.test(value) &&
    !value.includes(': ') &&
    !/[:[\],]/.test(value.slice(-1));
  return plainSafe && !/[[\],]/.test(value) ? value : JSON.stringify(value);
}

/** A scalar as YAML source text (strings via yamlString, numbers and booleans as they are). */
export function yamlScalar(value: unknown): string {
  if (typeof value === 'string') return yamlString(value);
  if (value === null || value === undefined) return 'null';
  return String(value);
}
