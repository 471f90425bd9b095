#!/usr/bin/env node
// Tiny bin: enable the compile cache where the runtime has it, then hand over to the entry point.
import module from 'node:module';
if (typeof module.enableCompileCache === 'function') module.enableCompileCache();
const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
