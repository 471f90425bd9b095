// `docker-harden help [command...]`: the help of the program or of one command ("help profiles
// show"). A command that does not exist is a usage error, like any other.
import type { Command } from 'commander';
import { UserError } from '../../core/errors.js';

export function registerHelp(program: Command): void {
  program.helpCommand(false);
  program
    .command('help')
    .description('show the help of docker-harden or of one command')
    .argument('[command...]', 'a command, e.g. apply or "profiles show"')
    .action((words: string[]) => {
      let target = program;
      for (const word of words) {
        const next = target.commands.find((c) => c.name() === word || c.aliases().includes(word));
        if (!next) {
          const known = target.commands.map((c) => c.name()).filter((n) => n !== 'help');
          throw new UserError(
            `unknown command "${[...words.slice(0, words.indexOf(word)), word].join(' ')}".`,
            `Commands: ${known.join(', ')}. See docker-harden help.`,
          );
        }
        target = next;
      }
      target.outputHelp();
    });
}
