// 4.4 on the private daemon: two images built here from the test busybox, a container from each,
// and a Trivy report (vulnerable) and a Grype report (clean) whose image ids are theirs. The audit
// fails the container's image that matches the vulnerable report and passes the clean one.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngine } from '../support/engine.js';
import { docker } from '../support/private-engine.js';
import { cli } from '../e2e/support/cli.js';
import { KINDS, SCAN_FIXTURES } from './scan-fixtures.js';

describeEngine('4.4 from scan reports on a real engine', (engine) => {
  const run = Date.now().toString(36);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dh-scan-engine-'));
  const root = mkdtempSync(path.join(os.tmpdir(), 'dh-scan-root-'));
  const images = { vulnerable: `local/scan-vuln-${run}:1`, clean: `local/scan-clean-${run}:1` };
  const containers = { vulnerable: `scan-vuln-${run}`, clean: `scan-clean-${run}` };
  const reports = { vulnerable: path.join(dir, 'vulnerable.trivy.json'), clean: path.join(dir, 'clean.grype.json') };

  beforeAll(() => {
    for (const kind of ['vulnerable', 'clean'] as const) {
      // A label of its own gives each image its own id.
      writeFileSync(path.join(dir, 'Dockerfile'), `FROM ${engine.image}\nLABEL org.opencontainers.image.base.name=${engine.image} dh.scan=${kind}\n`);
      docker(engine, ['build', '-q', '-t', images[kind], dir]);
      docker(engine, ['run', '-d', '--name', containers[kind], images[kind], 'sleep', '600']);
    }
    const id = (tag: string) => docker(engine, ['image', 'inspect', '-f', '{{.Id}}', tag]).trim();
    // The reports as the scanners wrote them for the fixture images, now naming these images by id only.
    const trivy = JSON.parse(readFileSync(path.join(SCAN_FIXTURES, KINDS.trivy.vulnerable), 'utf8'));
    trivy.CreatedAt = new Date().toISOString();
    trivy.ArtifactName = id(images.vulnerable);
    Object.assign(trivy.Metadata, { ImageID: id(images.vulnerable), RepoTags: [], RepoDigests: [] });
    // Trivy copies the image's labels into ImageConfig, as it would for this image.
    trivy.Metadata.ImageConfig.config.Labels = { 'org.opencontainers.image.base.name': engine.image, 'dh.scan': 'vulnerable' };
    writeFileSync(reports.vulnerable, JSON.stringify(trivy));
    const grype = JSON.parse(readFileSync(path.join(SCAN_FIXTURES, KINDS.grype.clean), 'utf8'));
    grype.descriptor.timestamp = new Date().toISOString();
    Object.assign(grype.source.target, { userInput: id(images.clean), imageID: id(images.clean), tags: [], repoDigests: [], manifestDigest: '' });
    writeFileSync(reports.clean, JSON.stringify(grype));
  });

  afterAll(() => {
    for (const kind of ['vulnerable', 'clean'] as const) {
      try {
        docker(engine, ['rm', '-f', containers[kind]]);
        docker(engine, ['rmi', '-f', images[kind]]);
      } catch {
        /* already gone */
      }
    }
    rmSync(dir, { recursive: true, force: true });
    rmSync(root, { recursive: true, force: true });
  });

  it('fails the image of the vulnerable report and passes the clean one, matched by image id', async () => {
    const audit = await cli(
      '--docker-host',
      engine.host,
      '--root',
      root,
      '--no-color',
      'audit',
      '--include',
      '4.4',
      '--format',
      'json',
      '--fail-on',
      'none',
      '--scan-report',
      reports.vulnerable,
      '--scan-report',
      reports.clean,
    );
    expect(audit.code, audit.stderr).toBe(0);
    const results = JSON.parse(audit.stdout).results as { status: string; subject: { image: string }; evidence: { detail: string }[] }[];
    const vulnerable = results.find((r) => r.subject.image === images.vulnerable)!;
    const clean = results.find((r) => r.subject.image === images.clean)!;
    expect(vulnerable.status).toBe('fail');
    expect(vulnerable.evidence.map((e) => e.detail)).toContain(`${images.vulnerable}: CVE-2024-5535 (critical) in libssl3 3.3.1-r0: fixed in 3.3.1-r1`);
    expect(vulnerable.evidence[0].detail).toMatch(/matched by id$/);
    expect(clean.status).toBe('pass');
    expect(clean.evidence[0].detail).toMatch(/\(Grype, \d{4}-\d\d-\d\d \(0 days old\)\), matched by id$/);
  });

  it('the plan advises rebuilding from the label the image carries, naming its container', async () => {
    const plan = await cli('--docker-host', engine.host, '--root', root, '--no-color', 'plan', '--profile', 'strict', '--scan-report', reports.vulnerable);
    expect(plan.stdout + plan.stderr).toContain(`Rebuild ${images.vulnerable} from a freshly pulled ${engine.image}`);
    expect(plan.stdout + plan.stderr).toContain(`the container that uses it: ${containers.vulnerable}`);
  });
});
