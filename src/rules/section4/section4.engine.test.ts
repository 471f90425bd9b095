// Section 4 against history written by the real (classic) builder: the exact CreatedBy format
// decides whether ADD, build args, ENV secrets and lone updates are recognised.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { HostFacts } from '../../facts/host-facts.js';
import { inspectHost } from '../../probes/inspect-host.js';
import type { CheckResult } from '../rule.js';
import { describeEngine } from '../../../test/support/engine.js';
import { docker } from '../../../test/support/private-engine.js';
import { section4Rules } from './index.js';

const DOCKERFILE = `FROM local/busybox:1
ARG DB_PASSWORD=hunter2-build-arg
ENV API_TOKEN=tok-env-value
ADD payload.txt /opt/payload.txt
COPY payload.txt /opt/copy.txt
RUN echo '#!/bin/sh' > /tmp/apt-get && chmod +x /tmp/apt-get && /tmp/apt-get update
USER 1000
HEALTHCHECK CMD true
`;

describeEngine('section 4 rules on images built by the real builder', (engine) => {
  const tag = `local/s4-${Date.now().toString(36)}:1`;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dh-s4-'));
  const root = mkdtempSync(path.join(os.tmpdir(), 'dh-s4-root-'));
  let facts: HostFacts;
  const resultFor = (id: string, ref: string): CheckResult => {
    const r = section4Rules
      .find((x) => x.id === id)!
      .check(facts)
      .find((x) => x.subject?.image === ref);
    if (!r) throw new Error(`no ${id} result for ${ref}`);
    return r;
  };

  beforeAll(async () => {
    writeFileSync(path.join(dir, 'Dockerfile'), DOCKERFILE);
    writeFileSync(path.join(dir, 'payload.txt'), 'payload\n');
    docker(engine, ['build', '-q', '-t', tag, dir]);
    facts = await inspectHost({ root, dockerHost: engine.host });
  });

  afterAll(() => {
    try {
      docker(engine, ['rmi', '-f', tag]);
    } catch {
      /* already gone */
    }
    rmSync(dir, { recursive: true, force: true });
    rmSync(root, { recursive: true, force: true });
  });

  it('reads USER and HEALTHCHECK from the built image and the imported base', () => {
    expect(resultFor('4.1', tag).status).toBe('pass');
    expect(resultFor('4.6', tag).status).toBe('pass');
    expect(resultFor('4.1', engine.image).status).toBe('fail');
    expect(resultFor('4.6', engine.image).status).toBe('fail');
  });

  it('finds the lone package-index update and the ADD, but not in the imported base', () => {
    const update = resultFor('4.7', tag);
    expect(update.status).toBe('fail');
    expect(update.evidence[0].detail).toContain('apt-get update');
    const add = resultFor('4.9', tag);
    expect(add.status).toBe('fail');
    expect(add.evidence.map((e) => e.detail).join('\n')).toMatch(/ADD file:[0-9a-f]+ in \/opt\/payload\.txt/);
    expect(resultFor('4.9', engine.image).status).toBe('pass');
  });

  it('finds the ENV secret and the build arg without printing their values', () => {
    const r = resultFor('4.10', tag);
    expect(r.status).toBe('fail');
    const details = r.evidence.map((e) => e.detail);
    expect(details).toContain(`${tag}: Config.Env: API_TOKEN=<value hidden>`);
    expect(details).toContain(`${tag}: history: RUN build-arg DB_PASSWORD=<value hidden>`);
    expect(JSON.stringify(r)).not.toMatch(/hunter2|tok-env-value/);
  });
});
