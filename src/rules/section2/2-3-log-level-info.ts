// CIS 2.3: log-level info. Debug can come from "log-level" (-l) or from "debug" (-D), and debug wins
// over any log-level, so both keys are read; the engine's Debug field is the live answer.
import type { HostFacts } from '../../facts/host-facts.js';
import type { Contribution } from '../contribution.js';
import { engineInfo, liveReading, readOption, type Reading } from './support.js';
import { flagAdvice, remedySetting } from './remedy.js';
import { daemonSettingRule } from './setting-rule.js';

const NOT_DEBUG = 'not debug';

function lowered(facts: HostFacts): Reading | undefined {
  const level = readOption(facts, 'log-level');
  return level && { ...level, value: String(level.value).toLowerCase() };
}

/** The effective level: "debug" when debug is on, else the log-level value. */
function configuredLevel(facts: HostFacts): Reading | undefined {
  const debug = readOption(facts, 'debug');
  return debug?.value === true ? { ...debug, value: 'debug' } : lowered(facts);
}

function liveLevel(facts: HostFacts): Reading | undefined {
  const info = engineInfo(facts);
  if (typeof info?.Debug !== 'boolean') return undefined;
  return liveReading(info.Debug ? 'debug' : NOT_DEBUG, `docker info: Debug=${info.Debug}`);
}

/** Debug and log-level are fixed apart: debug is removed, log-level set to info. */
function remedy(facts: HostFacts): Contribution[] {
  const debug = readOption(facts, 'debug');
  const level = lowered(facts);
  const out: Contribution[] = [];
  if (debug?.value === true) {
    out.push(
      debug.origin === 'flag'
        ? flagAdvice(facts, 'debug')
        : { kind: 'daemon-json-remove', key: 'debug', reason: 'debug logging overrides "log-level" and records API request details' },
    );
  }
  // When debug alone is the problem, a correct log-level needs no advice of its own.
  if (debug?.value !== true || level?.value !== 'info') {
    out.push(
      ...remedySetting(facts, {
        key: 'log-level',
        configured: level,
        ok: (v) => v === 'info',
        fix: () => [{ kind: 'daemon-json-set', key: 'log-level', value: 'info' }],
      }),
    );
  }
  return out;
}

export const logLevelInfoRule = daemonSettingRule(
  {
    id: '2.3',
    aliases: { '1.7.0': '2.3', '1.6.0': '2.3' },
    title: "Ensure the logging level is set to 'info'",
    level: 1,
    automated: false,
    severity: 'low',
    rationale:
      'At "info" dockerd records the events an investigation needs; "debug" records far more, including request details, and fills disks, while "warn" and above drop useful events.',
    impact: 'None beyond less verbose daemon logs; re-enable debug temporarily when troubleshooting.',
    remediation:
      'Remove "debug": true and the -D/--debug flag, set "log-level": "info" in daemon.json (or remove a --log-level/-l flag that says otherwise), and restart dockerd.',
    references: ['https://docs.docker.com/reference/cli/dockerd/', 'https://docs.docker.com/engine/daemon/logs/', 'CIS Docker Benchmark v1.8.0, 2.3'],
  },
  {
    key: 'log-level',
    reads: ['debug'],
    subject: 'the log level',
    configured: configuredLevel,
    live: liveLevel,
    ok: (v) => v === 'info' || v === NOT_DEBUG,
    show: (v) => (v === NOT_DEBUG ? 'a non-debug level' : `level ${JSON.stringify(v)}`),
    // The engine only tells debug from not-debug.
    same: (a, b) => (a === 'debug') === (b === 'debug'),
    pass: (r) => (r.value === NOT_DEBUG ? `The daemon does not log at debug level (${r.where})` : `The daemon log level is "info" (${r.where})`),
    fail: (r) =>
      r.value === 'debug' || r.value === 'trace'
        ? `The daemon logs at ${r.value} level (${r.where}), which floods the logs and can record request details that should not be kept`
        : `The daemon log level is ${JSON.stringify(r.value)} (${r.where}) instead of "info", so security-relevant events are not logged`,
    remedy,
  },
);
