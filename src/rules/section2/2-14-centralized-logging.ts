// CIS 2.14: container logs go to a central or remote target. json-file, local and none keep logs on
// the host (or nowhere); journald and syslog without an address depend on the host forwarding them;
// a logging plugin cannot be judged from its name.
import type { HostFacts } from '../../facts/host-facts.js';
import type { Contribution } from '../contribution.js';
import type { HardeningParams } from '../params.js';
import type { CheckResult, Rule } from '../rule.js';
import { engineInfo, fileEvidence, liveReading, readOption } from './support.js';
import { configBlocker } from './config-blocker.js';
import { settingResult } from './setting.js';
import { blockerAdvice, hasFailure, manual } from './remedy.js';

const KEYS = ['log-driver', 'log-opts'];
const HOST_ONLY = new Set(['json-file', 'local', 'none']);
const REMOTE = new Set(['syslog', 'journald', 'fluentd', 'gelf', 'awslogs', 'splunk', 'gcplogs', 'logentries', 'etwlogs']);

/** The syslog-address log option, from daemon.json's object or --log-opt k=v flags. */
function syslogAddress(facts: HostFacts): string | null {
  const opts = readOption(facts, 'log-opts')?.value;
  if (Array.isArray(opts)) {
    const hit = opts.map(String).find((o) => o.startsWith('syslog-address='));
    return hit ? hit.slice('syslog-address='.length) : null;
  }
  const v = (opts as Record<string, unknown> | undefined)?.['syslog-address'];
  return typeof v === 'string' && v !== '' ? v : null;
}

/** daemon.json log-opts whose values are not strings: dockerd rejects the whole file for them. */
function nonStringLogOpts(facts: HostFacts): string[] {
  const opts = facts.daemonJson.parsed?.['log-opts'];
  return opts && typeof opts === 'object'
    ? Object.entries(opts)
        .filter(([, v]) => typeof v !== 'string')
        .map(([k]) => k)
    : [];
}

function check(facts: HostFacts): CheckResult[] {
  const blocked = configBlocker(facts, KEYS);
  if (blocked) return [blocked];
  const badOpts = nonStringLogOpts(facts);
  if (badOpts.length > 0) {
    return [
      {
        status: 'fail',
        message: `daemon.json "log-opts" ${badOpts.join(', ')} ${badOpts.length > 1 ? 'are not strings' : 'is not a string'}, so dockerd refuses to start.`,
        evidence: [fileEvidence(facts, 'log-opts')],
      },
    ];
  }
  const configured = readOption(facts, 'log-driver');
  const info = engineInfo(facts);
  const live =
    typeof info?.LoggingDriver === 'string' ? liveReading(info.LoggingDriver, `docker info: LoggingDriver=${JSON.stringify(info.LoggingDriver)}`) : undefined;
  const result = settingResult(facts, {
    subject: 'the logging driver',
    configured,
    live,
    ok: (v) => !HOST_ONLY.has(String(v)),
    pass: (r) => {
      const local = r.value === 'journald' || (r.value === 'syslog' && !syslogAddress(facts));
      return local
        ? `Containers log to ${r.value} (${r.where}); the host must forward that ${r.value === 'journald' ? 'journal' : 'syslog'} to the central log store`
        : `Containers log to the ${r.value} driver (${r.where}), which ships logs off the host`;
    },
    fail: (r) => `Containers log with the ${r.value} driver (${r.where}), so their logs stay on this host and are lost or alterable with it`,
  });
  const driver = String(live?.value ?? configured?.value ?? '');
  if (result.status === 'pass' && !REMOTE.has(driver)) {
    return [
      {
        status: 'manual',
        message: `Containers log with the ${driver} logging plugin; confirm that it ships logs to a central store.`,
        evidence: result.evidence,
      },
    ];
  }
  return [result];
}

function remediate(facts: HostFacts, _params: HardeningParams, results = check(facts)): Contribution[] {
  if (!hasFailure(results)) return [];
  const blocked = blockerAdvice(facts, KEYS);
  if (blocked) return [blocked];
  if (nonStringLogOpts(facts).length > 0) {
    const opts = facts.daemonJson.parsed!['log-opts'] as Record<string, unknown>;
    const value = Object.fromEntries(Object.entries(opts).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
    return [{ kind: 'daemon-json-set', key: 'log-opts', value }];
  }
  // The remote target (address, credentials, format) is site knowledge, so the driver is never switched blindly.
  return [
    manual(
      'Pick the central log target, then set "log-driver" (e.g. "syslog", "fluentd", "gelf" or "journald" with forwarding) and its "log-opts" (all values strings, e.g. "syslog-address": "tcp://logs.example:514") in daemon.json and restart dockerd; existing containers keep their driver until recreated.',
    ),
  ];
}

export const centralizedLoggingRule: Rule = {
  id: '2.14',
  aliases: { '1.7.0': '2.13', '1.6.0': '2.13' },
  title: 'Ensure centralized and remote logging is configured',
  section: 2,
  level: 2,
  automated: false,
  checks: 'facts',
  severity: 'low',
  rationale:
    'Logs kept only on the host are lost with it and can be altered by whoever compromises it; a central store keeps container logs for investigation and alerting.',
  impact:
    'With a remote driver `docker logs` depends on the dual-logging cache (Engine 20.10+); a log target that is down can slow or block containers unless mode "non-blocking" is set.',
  remediation:
    'Set "log-driver" to a driver that reaches the central log store (syslog, journald with forwarding, fluentd, gelf, awslogs, splunk, gcplogs) with its "log-opts", restart dockerd and recreate containers.',
  references: [
    'https://docs.docker.com/engine/logging/configure/',
    'https://docs.docker.com/engine/logging/dual-logging/',
    'CIS Docker Benchmark v1.8.0, 2.14',
  ],
  check,
  remediate,
};
