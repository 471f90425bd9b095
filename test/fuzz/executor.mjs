// Runs inside the sandbox (see sandbox.ts) as PID 1 of its namespace. Requests come one JSON line
// at a time on fd 3 ({ id, argv, cwd, env, timeoutMs, inProcess }) and answers go out on fd 4
// ({ id, code, signal, stdout, stderr, ms, timedOut }), so nothing a command prints can be taken
// for an answer. A command runs either as its own process (killed with its group at the time
// limit) or, with inProcess, through the CLI's main() in this process, which saves starting Node
// for each case; the runner outside kills and restarts the sandbox if main() does not return.
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';

// Whole reports, so the checks on them see all of it.
const LIMIT = 16 * 1024 * 1024;
const answers = createWriteStream(null, { fd: 4 });
let main = null;
let terminalText = null;

function spawned({ id, argv, cwd, env, timeoutMs }) {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(argv[0], argv.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const out = { stdout: '', stderr: '' };
    for (const name of ['stdout', 'stderr']) {
      child[name].setEncoding('utf8');
      child[name].on('data', (s) => {
        if (out[name].length < LIMIT) out[name] += s;
      });
    }
    let timedOut = false;
    const killGroup = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    };
    const timer = setTimeout(() => ((timedOut = true), killGroup()), timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ id, code: null, signal: null, stdout: '', stderr: `spawn failed: ${err.message}`, ms: 0, timedOut: false });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      killGroup(); // whatever the command left running goes with it
      resolve({ id, code, signal, ...out, ms: performance.now() - start, timedOut });
    });
  });
}

// Output written around main()'s Output (warnings, stray writes) belongs to the case that runs.
const captured = { stdout: '', stderr: '' };
for (const name of ['stdout', 'stderr']) {
  process[name].write = (chunk, ...rest) => {
    if (captured[name].length < LIMIT) captured[name] += String(chunk);
    const done = rest.find((r) => typeof r === 'function');
    if (done) done();
    return true;
  };
}
// As bin/docker-harden.js does: Node's own warnings are not the command's output.
process.removeAllListeners('warning');
process.on('unhandledRejection', (err) => (captured.stderr += `unhandled rejection: ${err?.stack ?? err}\n`));
process.on('uncaughtException', (err) => (captured.stderr += `uncaught exception: ${err?.stack ?? err}\n`));

async function inProcess({ id, argv, cwd, env, bin }) {
  main ??= (await import(new URL('../dist/cli/main.js', `file://${bin}`).href)).main;
  // Standard error as the CLI's own output writes it (cli/output.ts): control characters shown escaped.
  terminalText ??= (await import(new URL('../dist/core/terminal-text.js', `file://${bin}`).href)).terminalText;
  captured.stdout = '';
  captured.stderr = '';
  process.chdir(cwd);
  // Each case sees its own environment only, as a spawned command would: nothing one case sets leaks into the next.
  for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key];
  Object.assign(process.env, env);
  const start = performance.now();
  const code = await main(argv, {
    out: (t) => (captured.stdout += t.endsWith('\n') ? t : t + '\n'),
    err: (t) => {
      const safe = terminalText(t);
      captured.stderr += safe.endsWith('\n') ? safe : safe + '\n';
    },
  });
  return { id, code, signal: null, stdout: captured.stdout, stderr: captured.stderr, ms: performance.now() - start, timedOut: false };
}

answers.write(JSON.stringify({ ready: true }) + '\n');
for await (const line of createInterface({ input: createReadStream(null, { fd: 3 }) })) {
  if (!line.trim()) continue;
  const request = JSON.parse(line);
  // main() never throws; anything thrown here is the harness's own fault, reported as such.
  const result = await (request.inProcess ? inProcess(request) : spawned(request)).catch((err) => ({ id: request.id, code: 99, signal: null, stdout: '', stderr: `fuzz executor: ${err?.stack ?? err}`, ms: 0, timedOut: false }));
  answers.write(JSON.stringify(result) + '\n');
}
