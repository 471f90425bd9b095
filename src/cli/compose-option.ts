// `--compose FILE`, the same repeatable option for every command that makes a plan.
import { Option } from 'commander';

export function composeOption(): Option {
  return new Option('--compose <file>', 'also plan for this Compose file (repeatable; files in one directory form one project)').argParser(
    (file: string, earlier: string[] | undefined) => [...(earlier ?? []), file],
  );
}
