// Edge cases of single checks, on inline Dockerfiles (the corpus covers the common shapes).
import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../parse-dockerfile.js';
import { runChecks } from '../run-checks.js';
import { applyTextEdits } from '../../core/text-edits.js';
import { isSecretName } from './4-10-secrets.js';
import type { FixOptions } from '../types.js';
import { dockerfileChecks } from './index.js';
import { findRule } from '../../rules/catalog.js';

function check(text: string, options: Partial<FixOptions> = {}, dockerignore: string | null = null) {
  const doc = parseDockerfile(text, 'Dockerfile', dockerignore);
  const findings = runChecks(doc, { strict: false, ...options });
  const after = applyTextEdits(
    text,
    findings.flatMap((f) => f.fix?.edits ?? []),
  );
  return { findings, after, of: (id: string) => findings.filter((f) => f.id === id) };
}

describe('4.1 non-root user', () => {
  it('creates the --user name with the tools of the image family', () => {
    expect(check('FROM alpine:3.19\nCMD x\n', { user: 'svc' }).after).toContain('RUN addgroup -S svc && adduser -S -G svc svc\nUSER svc\nCMD x');
    expect(check('FROM rockylinux:9\nCMD x\n').after).toContain('RUN groupadd --system app && useradd --system --gid app --no-create-home app\nUSER app\n');
  });

  it('detects the family from RUN lines and comments when it cannot', () => {
    expect(check('FROM corp/base:1\nRUN apk add --no-cache x\nCMD x\n').after).toContain('RUN addgroup -S app');
    expect(check('FROM corp/base:1\nCMD x\n').after).toMatch(/# Base image family not recognised.*\nRUN groupadd --system app/);
  });

  it('uses a numeric user as is, a numeric one on distroless, and gives advice only on Windows', () => {
    expect(check('FROM alpine:3.19\nCMD x\n', { user: '1000:1000' }).after).toContain('\nUSER 1000:1000\nCMD x');
    expect(check('FROM gcr.io/distroless/static-debian12\nCMD ["/x"]\n').after).toContain('USER 65532:65532');
    const win = check('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD x\n').of('4.1')[0];
    expect(win).toMatchObject({ fixable: false });
    expect(win.advice).toContain('ContainerUser');
  });

  it('says so when --user cannot be used because the image has no /etc/passwd', () => {
    const finding = check('FROM scratch\nCOPY app /app\nENTRYPOINT ["/app"]\n', { user: 'svc' }).of('4.1')[0];
    expect(finding.fix?.warnings?.join(' ')).toContain('--user svc is not used: a scratch image has no /etc/passwd');
    expect(check('FROM busybox:1.36\nCMD x\n', { user: 'svc' }).after).toContain(
      "RUN echo 'svc:x:10001:10001::/nonexistent:/sbin/nologin' >> /etc/passwd && echo 'svc:x:10001:' >> /etc/group\nUSER svc\n",
    );
  });

  it('warns about ports below 1024 only when one is exposed', () => {
    const warnings = (t: string) => check(t).of('4.1')[0].fix?.warnings ?? [];
    expect(warnings('FROM alpine:3.19\nEXPOSE 443\nCMD x\n').join(' ')).toContain('port 443, below 1024');
    expect(warnings('FROM alpine:3.19\nEXPOSE 8443\nCMD x\n').join(' ')).not.toContain('below 1024');
  });
});

describe('4.6 healthcheck', () => {
  it('prefers a plain HTTP port and uses https for 443 alone', () => {
    expect(check('FROM alpine:3.19\nEXPOSE 443 8000\nCMD x\n').after).toContain('http://127.0.0.1:8000/');
    expect(check('FROM alpine:3.19\nEXPOSE 443/tcp 53/udp\nCMD x\n').after).toContain('wget -q --no-check-certificate -O /dev/null https://127.0.0.1:443/');
    expect(check('FROM alpine:3.19\nEXPOSE 8080/udp\nCMD x\n').of('4.6')[0].fixable).toBe(false);
  });

  it('passes on a HEALTHCHECK inherited from a parent stage, fails on HEALTHCHECK NONE', () => {
    expect(check('FROM alpine:3.19 AS base\nHEALTHCHECK CMD true\nFROM base\nCMD x\n').of('4.6')).toEqual([]);
    expect(check('FROM alpine:3.19\nHEALTHCHECK NONE\nCMD x\n').of('4.6')[0]).toMatchObject({ line: 2, fixable: false });
  });
});

describe('4.9 ADD', () => {
  it('rewrites a local ADD with COPY flags, not one with ADD-only flags or a git URL', () => {
    const r = check('FROM a:1\nADD --chmod=755 run.sh /run.sh\nADD --checksum=sha256:x git@github.com:o/r.git /src\nADD https://github.com/o/r.git#v1 /r\n');
    expect(r.after).toContain('COPY --chmod=755 run.sh /run.sh');
    expect(r.of('4.9').map((f) => [f.line, f.severity, f.fixable])).toEqual([
      [2, 'low', true],
      [3, 'info', false],
      [4, 'low', false],
    ]);
  });
});

describe('4.10 secret names', () => {
  it.each([
    ['DB_PASSWORD', true],
    ['api_key', true],
    ['NPM_TOKEN', true],
    ['AWS_SECRET_ACCESS_KEY', true],
    ['SSH_PRIVATE_KEY', true],
    ['SIGNING_KEY', true],
    ['DB_PASSWORD_FILE', false],
    ['GPG_KEY', false],
    ['PUBLIC_KEY', false],
    ['AWS_ACCESS_KEY_ID', false],
    ['KEYBOARD', false],
    ['TOKEN_URL', false],
  ])('%s -> %s', (name, secret) => expect(isSecretName(name)).toBe(secret));

  it('never prints a value', () => {
    const r = check('FROM a:1\nENV DB_PASSWORD=s3cr3t-value\nARG TOKEN=t0k3n-value\n');
    expect(JSON.stringify(r.findings)).not.toMatch(/s3cr3t|t0k3n/);
  });
});

describe('package checks', () => {
  it('DH-IMG-003 accepts cache mounts and dnf clean all', () => {
    expect(
      check('FROM debian:12-slim\nRUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y --no-install-recommends x\n').of(
        'DH-IMG-003',
      ),
    ).toEqual([]);
    expect(check('FROM fedora:40\nRUN dnf install -y x && dnf clean all\n').of('DH-IMG-003')).toEqual([]);
    expect(check('FROM fedora:40\nRUN dnf install -y x\n').of('DH-IMG-003')[0].advice).toBe('RUN dnf install -y x && dnf clean all');
  });

  it('DH-IMG-004 forgets tools removed later and curl the health check uses', () => {
    expect(check('FROM debian:12-slim\nRUN apt-get install -y gcc && make && apt-get purge -y gcc\n').of('DH-IMG-004')).toEqual([]);
    expect(
      check('FROM debian:12-slim\nRUN apt-get install -y curl && curl -o /x https://e/x\nHEALTHCHECK CMD curl -f http://localhost/\n').of('DH-IMG-004'),
    ).toEqual([]);
    expect(
      check('FROM debian:12-slim AS b\nRUN apt-get install -y gcc\nFROM debian:12-slim\nRUN apt-get install -y git\n').of('DH-IMG-004')[0].message,
    ).not.toContain('single-stage');
  });

  it('4.7 merges an update with the install in the next RUN', () => {
    expect(check('FROM debian:12\nRUN apt-get update\nRUN apt-get install -y \\\n  curl\n').of('4.7')[0].advice).toBe(
      'use one RUN: RUN apt-get update && apt-get install -y curl',
    );
  });

  it('4.11 sees signature checks switched off in config text', () => {
    expect(check("FROM centos:7\nRUN echo 'gpgcheck=0' >> /etc/yum.conf && yum install -y x\n").of('4.11')).toHaveLength(1);
  });
});

describe('DH-IMG-005 setuid bits (--strict)', () => {
  it('cannot fix a stage whose non-root USER comes from its parent stage', () => {
    const r = check('FROM alpine:3.19 AS base\nUSER nobody\nFROM base\nCMD x\n', { strict: true }).of('DH-IMG-005')[0];
    expect(r).toMatchObject({ fixable: false });
  });
  it('goes before the user lines the 4.1 fix adds', () => {
    expect(check('FROM alpine:3.19\nCMD x\n', { strict: true }).after).toBe(
      'FROM alpine:3.19\nRUN find / -perm /6000 -type f -exec chmod a-s {} + || true\nRUN addgroup -S app && adduser -S -G app app\nUSER app\nCMD x\n',
    );
  });
});

describe('check metadata', () => {
  it('gives a CIS check the title, level and severity of the catalog rule for the same item', () => {
    const cis = dockerfileChecks.filter((c) => /^\d/.test(c.meta.id));
    expect(cis.map((c) => c.meta.id)).toEqual(['4.1', '4.6', '4.7', '4.9', '4.10', '4.11']);
    for (const c of cis) {
      const rule = findRule(c.meta.id, '1.8.0')!;
      expect({ ...c.meta, rationale: '', remediation: '' }).toEqual({
        id: rule.id,
        title: rule.title,
        level: rule.level,
        severity: rule.severity,
        rationale: '',
        remediation: '',
      });
    }
    expect(findRule('4.1', '1.8.0')?.severity).toBe('high');
    expect(findRule('4.11', '1.8.0')?.level).toBe(2);
  });
});
