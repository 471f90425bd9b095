#!/usr/bin/env node
// Tiny bin: answer --version without loading the program, enable the compile cache where the
// runtime has it, draw the wizard's first frame when the wizard is what runs, then hand over to the
// bundled entry point (dist/bundle, built by scripts/build.mjs).
import { readFileSync } from 'node:fs';
import module from 'node:module';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  if (typeof module.enableCompileCache === 'function') module.enableCompileCache();
  // Stack traces name the TypeScript sources through the bundle's source maps; they cost startup
  // time, so only when asked for.
  if (process.env.DOCKER_HARDEN_DEBUG) process.setSourceMapsEnabled(true);
  // Node's own warnings (such as "NO_COLOR is ignored" when FORCE_COLOR is set too) would follow the
  // one sentence an error prints; they say nothing about the user's input.
  else process.removeAllListeners('warning');
  // No command on a terminal: the wizard. Its first frame is drawn, and reads keys, before the
  // commands and the rest of the program load (wizard-frame.js decides on the exact options).
  const wizard =
    process.stdin.isTTY &&
    process.stdout.isTTY &&
    argv.every((a, i) => /^--(root|from|no-color|no-engine)(=|$)/.test(a) || /^--(root|from)$/.test(argv[i - 1] ?? ''))
      ? await import('../dist/bundle/wizard-frame.js')
      : undefined;
  wizard?.showEarlyFrame(argv);
  const { main } = await import('../dist/bundle/main.js');
  process.exitCode = await main(argv);
  wizard?.dropEarlyFrame();
}
