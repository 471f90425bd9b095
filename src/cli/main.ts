// The entry point: parse argv, run one command, map errors to exit codes. The only place that
// decides an exit code; commands throw UserError / ExitCodeError instead of exiting.
import { Command, CommanderError } from 'commander';
import { ExitCodeError, UserError, describeError } from '../core/errors.js';
import { processOutput } from './output.js';
import type { Output } from '../services/output.js';
import { VERSION } from '../core/version.js';
import { registerCommands } from './commands/index.js';
import { checkSshUse, resolveGlobalOptions } from './context.js';
import { helpHint, speakInOneVoice } from './usage-errors.js';
import { oneLine, systemErrorSentence } from './error-text.js';

const NO_TERMINAL = 'docker-harden: no terminal to run the wizard on; use `docker-harden audit` or `docker-harden apply --profile baseline --yes`';

const PLUGIN_METADATA = {
  SchemaVersion: '0.1.0',
  Vendor: 'docker-harden',
  Version: VERSION,
  ShortDescription: 'Audit and harden this Docker host (CIS Docker Benchmark)',
};

export async function main(argv: string[], output: Output = processOutput): Promise<number> {
  if (output === processOutput) endQuietlyOnClosedPipe();
  // As a Docker CLI plugin the binary is asked for metadata, then run as `docker-harden harden ...`.
  if (argv[0] === 'docker-cli-plugin-metadata') {
    output.out(JSON.stringify(PLUGIN_METADATA, null, 2));
    return 0;
  }
  if (argv[0] === 'harden' && process.env.DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND !== undefined) argv = argv.slice(1);
  else if (argv[0] === 'harden' && /cli-plugins/.test(process.argv[1] ?? '')) argv = argv.slice(1);

  const program = new Command('docker-harden')
    .description('Inspect, audit and harden a Docker host against the CIS Docker Benchmark v1.8.0.')
    .version(VERSION, '-V, --version')
    .option('--root <dir>', 'read and write every host file under DIR instead of /')
    .option('--docker-host <url>', 'engine endpoint (default: DOCKER_HOST, then the default socket)')
    .option('--ssh <user@host[:port]>', 'inspect that host over SSH, with nothing installed there (also DOCKER_HOST=ssh://...)')
    .option('--from <facts.json>', 'use facts saved by `inspect --save` instead of inspecting the host')
    .option('--no-engine', 'run without a Docker engine: an unreachable one is not an error, and its checks report what they could not see')
    .option('--no-color', 'plain output (also: NO_COLOR)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => output.out(s.trimEnd()), writeErr: (s) => output.err(s.trimEnd()) });
  registerCommands(program, output);
  program.hook('preAction', (_program, action) => checkSshUse(action.name(), action.optsWithGlobals()));
  speakInOneVoice(program);
  // Extra words reach the action, which names them as an unknown command.
  program.allowExcessArguments(true).action(async (_flags: unknown, cmd: Command) => {
    // No subcommand: the interactive wizard, which needs a terminal; Ink and React load only here.
    if (cmd.args.length > 0) throw new UserError(`unknown command "${cmd.args[0]}".`, helpHint(cmd));
    if (!process.stdin.isTTY || !process.stdout.isTTY) throw new ExitCodeError(2, NO_TERMINAL);
    const { startWizard } = await import('../wizard/start-wizard.js');
    const code = await startWizard(resolveGlobalOptions(cmd.opts()));
    if (code !== 0) throw new ExitCodeError(code);
  });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    return exitCodeFor(err, output);
  }
}

/** Exit status of a writer whose reader went away, as a shell reports a SIGPIPE death (128 + 13). */
export const CLOSED_PIPE_EXIT = 141;

/**
 * `docker-harden inspect --json | head -1`: once the reader has gone, nothing more can be said to
 * it and nobody is listening on stderr for a stack trace either, so the process ends quietly.
 */
function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listenerCount('error') > 0) continue;
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(CLOSED_PIPE_EXIT);
      throw err;
    });
  }
}

function exitCodeFor(err: unknown, output: Output): number {
  if (err instanceof CommanderError) {
    // --help and --version end through here with code 0; usage errors arrive as UserError.
    return err.exitCode === 0 ? 0 : 2;
  }
  if (err instanceof ExitCodeError) {
    if (err.message) output.err(err.message);
    return err.exitCode;
  }
  if (err instanceof UserError) {
    output.err(`docker-harden: ${oneLine(err.message)}${err.hint ? `\n${oneLine(err.hint)}` : ''}`);
    return 2;
  }
  const system = systemErrorSentence(err);
  if (system) {
    output.err(`docker-harden: ${system}`);
    return 2;
  }
  output.err(`docker-harden: unexpected error: ${describeError(err)}`);
  if (process.env.DOCKER_HARDEN_DEBUG) output.err(String((err as Error)?.stack ?? ''));
  return 70;
}
