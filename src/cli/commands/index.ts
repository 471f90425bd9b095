// Every subcommand, registered with lazy imports so a command loads only what it uses
// (the non-interactive commands never load Ink or React).
import type { Command } from 'commander';
import type { Output } from '../../services/output.js';
import { registerInspect } from './inspect.js';
import { registerProfiles } from './profiles.js';
import { registerAudit } from './audit.js';
import { registerPlan } from './plan.js';
import { registerApply } from './apply.js';
import { registerRollback } from './rollback.js';
import { registerArtifacts } from './artifacts.js';
import { registerDockerfile } from './dockerfile.js';
import { registerAnsible } from './ansible.js';
import { registerHelp } from './help.js';

export function registerCommands(program: Command, output: Output): void {
  registerInspect(program, output);
  registerProfiles(program, output);
  registerAudit(program, output);
  registerPlan(program, output);
  registerApply(program, output);
  registerRollback(program, output);
  registerArtifacts(program, output);
  registerDockerfile(program, output);
  registerAnsible(program, output);
  registerHelp(program);
}
