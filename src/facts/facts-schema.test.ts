import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { FACTS_SCHEMA_PATH, factsSchemaError } from './facts-schema.js';
import { emptyFacts } from './empty-facts.js';

const HOSTS = path.resolve(import.meta.dirname, '../../test/fixtures/hosts');
const fixtures = readdirSync(HOSTS).filter((f) => f.endsWith('.json'));
const load = (f: string) => JSON.parse(readFileSync(path.join(HOSTS, f), 'utf8'));

describe('facts schema', () => {
  it.each(fixtures)('accepts the host fixture %s', (f) => {
    expect(factsSchemaError(load(f))).toBeNull();
  });

  it('accepts empty facts, and optional fields left out', () => {
    const facts = JSON.parse(JSON.stringify(emptyFacts())) as Record<string, unknown>;
    expect(factsSchemaError(facts)).toBeNull();
    expect(factsSchemaError({ ...facts, daemonIdentity: { status: 'ambiguous' }, containerd: null })).toBeNull();
  });

  it('names every top-level field of HostFacts', () => {
    const props = Object.keys((JSON.parse(readFileSync(FACTS_SCHEMA_PATH, 'utf8')) as { properties: object }).properties);
    expect(props).toEqual(expect.arrayContaining([...Object.keys(emptyFacts()), 'daemonIdentity', 'containerd', 'daemonPrerequisites']));
  });

  it('names the JSON path and what was found', () => {
    const facts = load('debian-docker-io.json');
    facts.engine.containers[0].Mounts = [{ Source: 5 }];
    expect(factsSchemaError(facts)).toBe('/engine/containers/0/Mounts/0/Source must be a string, not the number 5');
    facts.engine.containers[0].Mounts = null;
    facts.engine.info.Swarm = { Cluster: { Spec: 'x' } };
    expect(factsSchemaError(facts)).toBe('/engine/info/Swarm/Cluster/Spec must be an object or null, not a string');
    facts.engine.info.Swarm = null;
    facts.files = { 'etc/docker': { exists: true } };
    expect(factsSchemaError(facts)).toBe('/files has the key "etc/docker", which must be an absolute path');
    facts.files = {};
    facts.probes = { engine: { status: 'fine' } };
    expect(factsSchemaError(facts)).toMatch(/^\/probes\/engine\/status must be one of "ok", .*, not a string$/);
  });

  it('keeps a sentence about a long key to one short line', () => {
    const facts = load('debian-docker-io.json');
    facts.envFiles = { [`/${'k'.repeat(1000)}`]: 5 };
    expect(factsSchemaError(facts)!.length).toBeLessThan(300);
  });
});
