// Vitest global setup: one private engine for the whole run, handed to tests with inject('engine').
import type { TestProject } from 'vitest/node';
import { startPrivateEngine, stopPrivateEngine, type PrivateEngine } from './private-engine.js';

declare module 'vitest' {
  export interface ProvidedContext {
    engine: PrivateEngine | null;
  }
}

let engine: PrivateEngine | null = null;

export async function setup(project: TestProject): Promise<void> {
  // Pure-only runs (DOCKER_HARDEN_SKIP_ENGINE=1) skip the engine to save a few seconds.
  engine = process.env.DOCKER_HARDEN_SKIP_ENGINE === '1' ? null : await startPrivateEngine();
  if (!engine && process.env.DOCKER_HARDEN_SKIP_ENGINE !== '1') {
    if (process.env.DOCKER_HARDEN_REQUIRE_ENGINE === '1') {
      throw new Error('DOCKER_HARDEN_REQUIRE_ENGINE=1 but dockerd is not installed: apt-get install docker.io busybox-static');
    }
    console.warn('docker-harden tests: dockerd not found, engine tests are skipped (apt-get install docker.io busybox-static).');
  }
  project.provide('engine', engine);
}

export async function teardown(): Promise<void> {
  if (engine) await stopPrivateEngine(engine);
}
