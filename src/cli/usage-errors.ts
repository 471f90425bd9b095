// Usage errors in the tool's own voice. Commander finds them (a missing --profile, an unknown
// option or command, an option without its value); here each one becomes a UserError: one
// sentence, a hint naming the help to read, exit 2. Commander prints nothing of its own.
import type { Command, CommanderError } from 'commander';
import { UserError } from '../core/errors.js';

/** Give every command of the tree our exit and error output; call after all commands are added. */
export function speakInOneVoice(command: Command): void {
  command.configureOutput({ outputError: () => {} });
  command.showHelpAfterError(false);
  command.exitOverride((err) => {
    // --help and --version end here with exit code 0.
    if (err.exitCode === 0) throw err;
    throw usageError(err, command);
  });
  for (const sub of command.commands) speakInOneVoice(sub);
}

/** "plan", "profiles show"; empty for the program itself. */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

export function helpHint(command: Command): string {
  const path = commandPath(command);
  return path ? `See docker-harden help ${path}.` : 'See docker-harden help.';
}

function usageError(err: CommanderError, command: Command): UserError {
  const hint = helpHint(command);
  const where = commandPath(command) || 'docker-harden';
  // Commander names the option or word it stopped at in quotes; that word is all we take from it.
  const quoted = [...err.message.matchAll(/'([^']*)'/g)].map((m) => m[1]);
  const suggestion = /\(Did you mean (.+)\?\)/.exec(err.message)?.[1];
  switch (err.code) {
    case 'commander.missingMandatoryOptionValue': {
      const missing = command.options.filter((o) => o.mandatory && command.getOptionValue(o.attributeName()) === undefined);
      const names = missing.map((o) => `${o.long ?? o.short} ${o.flags.match(/<[^>]+>/)?.[0] ?? ''}`.trim());
      return new UserError(`${where} needs ${names.join(' and ') || quoted[0]}.`, hint);
    }
    case 'commander.unknownOption':
      return new UserError(`${where} has no option ${quoted[0]}.`, suggestion ? `Did you mean ${suggestion}? ${hint}` : hint);
    case 'commander.optionMissingArgument':
      return new UserError(`The option ${longName(command, quoted[0])} needs a value.`, hint);
    case 'commander.missingArgument':
      return new UserError(`${where} needs the argument <${quoted[0]}>.`, hint);
    case 'commander.excessArguments':
    case 'commander.unknownCommand': {
      const extra = command.args.slice(command.registeredArguments.length);
      return command.commands.length > 0
        ? new UserError(`unknown command "${where} ${extra[0] ?? command.args[0]}".`, hint)
        : new UserError(`${where} takes no argument "${extra[0] ?? ''}".`, hint);
    }
    case 'commander.conflictingOption':
      return new UserError(`${longName(command, quoted[0])} cannot be used with ${longName(command, quoted[1])}.`, hint);
    case 'commander.invalidArgument': {
      const option = command.options.find((o) => o.flags === quoted[0]);
      const choices = option?.argChoices ? `Use one of: ${option.argChoices.join(', ')}. ` : '';
      return new UserError(`${longName(command, quoted[0])} does not take "${quoted[1] ?? ''}".`, `${choices}${hint}`);
    }
    default:
      return new UserError(`${where}: the command line cannot be read.`, hint);
  }
}

/** "-p, --profile <name|file>" -> "--profile". */
function longName(command: Command, flags: string | undefined): string {
  const option = command.options.find((o) => o.flags === flags);
  return option?.long ?? option?.short ?? flags ?? 'an option';
}
