// Recreates one container and kills its own process (SIGKILL, no cleanup of any kind) as soon as
// the engine has answered the call named by the last argument: "rename" or "create".
import { readFileSync } from 'node:fs';
import { openEngine } from '../../src/apply/engine-endpoint.js';
import { manifestRecorder } from '../../src/apply/recreate/recreate-record.js';
import { recreateContainer } from '../../src/apply/recreate/recreate-container.js';
import type { EngineClient } from '../../src/probes/engine-client.js';

const [stepFile, root, setId, endpoint, killAfter] = process.argv.slice(2);
const engine = openEngine(endpoint);
const dying: EngineClient = {
  ...engine,
  async send(method, path, opts) {
    const answer = await engine.send(method, path, opts);
    const call = /\/rename\?/.test(path) ? 'rename' : /^\/containers\/create\?/.test(path) ? 'create' : '';
    if (call === killAfter) process.kill(process.pid, 'SIGKILL');
    return answer;
  },
};
await recreateContainer(JSON.parse(readFileSync(stepFile, 'utf8')), { engine: dying, setId, record: manifestRecorder(root, setId) });
