// Every subcommand, registered with lazy imports so a command loads only what it uses
// (the non-interactive commands never load Ink or React).
import type { Command } from 'commander';
import type { Output } from '../output.js';
import { registerInspect } from './inspect.js';

export function registerCommands(program: Command, output: Output): void {
  registerInspect(program, output);
}
