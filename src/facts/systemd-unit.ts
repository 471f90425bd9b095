// Minimal systemd unit reading: enough to find the effective ExecStart= and EnvironmentFile= of
// docker.service after its drop-ins, because systemctl is often absent (containers, chroots, --root).
import type { SystemdUnitFacts } from './host-facts.js';

export interface UnitEntry {
  section: string;
  key: string;
  value: string;
}

export function parseUnitFile(content: string): UnitEntry[] {
  const entries: UnitEntry[] = [];
  let section = '';
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].trim();
    // A trailing backslash continues the value on the next line.
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + ' ' + lines[++i].trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      section = header[1];
      continue;
    }
    const eq = line.indexOf('=');
    if (eq === -1) continue;
    entries.push({ section, key: line.slice(0, eq).trim(), value: line.slice(eq + 1).trim() });
  }
  return entries;
}

/** Values of one key after applying the unit and then its drop-ins in order; an empty value resets the list. */
export function effectiveValues(unit: SystemdUnitFacts, section: string, key: string): string[] {
  let values: string[] = [];
  const files = [unit.content, ...[...unit.dropIns].sort((a, b) => basename(a.path).localeCompare(basename(b.path))).map((d) => d.content)];
  for (const content of files) {
    for (const e of parseUnitFile(content)) {
      if (e.section !== section || e.key !== key) continue;
      values = e.value === '' ? [] : [...values, e.value];
    }
  }
  return values;
}

/** The ExecStart command line systemd would run (prefixes like "-" or "@" removed), or null. */
export function effectiveExecStart(unit: SystemdUnitFacts): string | null {
  const values = effectiveValues(unit, 'Service', 'ExecStart');
  const last = values.at(-1);
  return last ? last.replace(/^[-@:+!]+/, '') : null;
}

/** Parse an EnvironmentFile (KEY=value, optional quotes, comments). */
export function parseEnvironmentFile(content: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const rawLine of content.split('\n')) {
    const line = rawLine.trim().replace(/^export\s+/, '');
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2].trim();
    const quoted = /^"(.*)"$/.exec(value) ?? /^'(.*)'$/.exec(value);
    if (quoted) value = quoted[1];
    env[m[1]] = value;
  }
  return env;
}

/** Expand $VAR and ${VAR} the way systemd does for ExecStart (unset variables become empty). */
export function expandVariables(command: string, env: Record<string, string>): string {
  return command.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, a, b) => env[a ?? b] ?? '');
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
