// daemon.json edits are minimal: only the keys a plan changes are rewritten, in the user's own
// layout, and everything else (key order, spacing, numbers as written) stays byte for byte.
import { describe, expect, it } from 'vitest';
import { emptyFacts } from '../facts/empty-facts.js';
import type { HostFacts } from '../facts/host-facts.js';
import { renderDaemonJson } from './daemon-json.js';
import { detectFormatting, editDaemonJson } from './daemon-json-edit.js';
import type { Tagged } from '../rules/contribution.js';

function host(raw: string, version = '20.10.24+dfsg1'): HostFacts {
  let parsed: Record<string, unknown> | null = null;
  try {
    parsed = JSON.parse(raw.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  } catch {
    /* left null, like the probe */
  }
  return emptyFacts({
    engine: {
      host: 'unix:///run/docker.sock',
      version: { Version: version },
      info: { Swarm: { LocalNodeState: 'inactive' } },
      containers: [],
      images: [],
      networks: [],
    },
    daemonJson: { path: '/etc/docker/daemon.json', raw, parsed },
  });
}

const set = (key: string, value: unknown): Tagged<'daemon-json-set'> => ({ kind: 'daemon-json-set', key, value, ruleId: '2.99' });
const after = (raw: string, ...sets: Tagged<'daemon-json-set'>[]) => renderDaemonJson(host(raw), sets).file?.after;

describe('minimal daemon.json edits', () => {
  it('keeps numbers as written (12345678901234567890, 1.0) when another key changes', () => {
    const raw = '{\n  "max-concurrent-downloads": 12345678901234567890,\n  "builder": {"gc": {"enabled": true}, "ratio": 1.0},\n  "icc": true\n}\n';
    expect(after(raw, set('icc', false))).toBe(raw.replace('"icc": true', '"icc": false'));
  });

  it('changes a value in place and appends a new key in the file own indentation (4 spaces, tabs, CRLF)', () => {
    expect(after('{\n    "debug": false,\n    "icc": true\n}\n', set('icc', false), set('live-restore', true))).toBe(
      '{\n    "debug": false,\n    "icc": false,\n    "live-restore": true\n}\n',
    );
    expect(after('{\n\t"icc": true\n}', set('no-new-privileges', true))).toBe('{\n\t"icc": true,\n\t"no-new-privileges": true\n}');
    expect(after('{\r\n  "icc": true\r\n}\r\n', set('live-restore', true))).toBe('{\r\n  "icc": true,\r\n  "live-restore": true\r\n}\r\n');
  });

  it('edits object values key by key, so sibling sub-keys keep their text', () => {
    const raw = '{\n  "default-ulimits": {\n    "nofile": {"Name": "nofile", "Hard": 9007199254740993, "Soft": 1024}\n  }\n}\n';
    const text = after(raw, set('default-ulimits', { nproc: { soft: 100, hard: 200 } }))!;
    expect(text).toContain('"nofile": {"Name": "nofile", "Hard": 9007199254740993, "Soft": 1024},');
    expect(JSON.parse(text)['default-ulimits'].nproc).toEqual({ Name: 'nproc', Hard: 200, Soft: 100 });
  });

  it('renames a removed key in place, keeping its value as written', () => {
    const r = renderDaemonJson(host('{\n  "debug": true,\n  "graph": "/srv/docker" ,\n  "icc": true\n}\n', '23.0.6'), []);
    expect(r.file?.after).toBe('{\n  "debug": true,\n  "data-root": "/srv/docker" ,\n  "icc": true\n}\n');
  });

  it('is unchanged, byte for byte, when the file already says it in another key order', () => {
    const raw = '{"default-ulimits": {"nofile": {"Soft": 10, "Name": "nofile", "Hard": 20}}}';
    expect(renderDaemonJson(host(raw), [set('default-ulimits', { nofile: { soft: 10, hard: 20 } })]).file).toMatchObject({ kind: 'unchanged', after: raw });
  });

  it('keeps a UTF-8 BOM, and writes the whole file out where duplicate keys make an edit ambiguous', () => {
    expect(after('\uFEFF{\n  "icc": true\n}\n', set('icc', false))).toBe('\uFEFF{\n  "icc": false\n}\n');
    // dockerd reads the last "icc"; the result must say false whichever one an edit touched.
    const dup = after('{"icc": false, "icc": true}', set('icc', false))!;
    expect(JSON.parse(dup)).toEqual({ icc: false });
  });

  it('lays out a new or empty file as 2-space JSON', () => {
    expect(editDaemonJson({ raw: null, current: {}, desired: { icc: false }, renamed: new Map() })).toBe('{\n  "icc": false\n}\n');
    expect(editDaemonJson({ raw: '  \n', current: {}, desired: { icc: false }, renamed: new Map() })).toBe('{\n  "icc": false\n}\n');
  });

  it('detects indentation from the first property, relative to the opening brace', () => {
    expect(detectFormatting('{\n    "a": 1\n}')).toEqual({ tabSize: 4, insertSpaces: true, eol: '\n' });
    expect(detectFormatting('  {\n      "a": 1\n  }')).toEqual({ tabSize: 4, insertSpaces: true, eol: '\n' });
    expect(detectFormatting('{\n\t"a": 1\n}')).toEqual({ tabSize: 1, insertSpaces: false, eol: '\n' });
    expect(detectFormatting('{"a": 1}')).toEqual({ tabSize: 2, insertSpaces: true, eol: '\n' });
  });
});
