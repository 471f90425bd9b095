// Files the user names for output (-o, --output, --save, --script, --patch, the wizard's save).
// Every path is checked before anything is written, so a typo in the last of two paths leaves
// nothing half-done, and any failure is one sentence (exit 2) that names the path and the option.
import { statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../core/errors.js';
import { writeFileAtomic } from '../core/atomic-write.js';

export interface OutputFile {
  file: string;
  content: string;
  mode: number;
}

/** Refuses a path that is a directory, or whose directory is missing or not a directory. */
export function checkOutputPath(file: string, option: string): void {
  const dir = path.dirname(path.resolve(file));
  const dirStat = statOrRefuse(dir, file, option);
  if (!dirStat) throw new UserError(`Cannot write ${file}: the directory ${dir} does not exist.`, `Create it first, or choose another path for ${option}.`);
  if (!dirStat.isDirectory()) throw new UserError(`Cannot write ${file}: ${dir} is not a directory.`, `Choose another path for ${option}.`);
  const target = statOrRefuse(file, file, option);
  if (target?.isDirectory()) throw new UserError(`Cannot write ${file}: it is a directory.`, `Name a file for ${option}, not a directory.`);
  if (target && !target.isFile()) throw new UserError(`Cannot write ${file}: it is not a regular file.`, `Choose a regular file for ${option}.`);
}

function statOrRefuse(p: string, file: string, option: string) {
  try {
    return statSync(p, { throwIfNoEntry: false });
  } catch (err) {
    throw new UserError(`Cannot write ${file} (${(err as NodeJS.ErrnoException).code ?? String(err)}).`, `Choose a writable path for ${option}.`);
  }
}

/** Writes each file atomically after checking all of them; errors become one sentence. */
export async function writeOutputFiles(files: readonly OutputFile[], option: string): Promise<void> {
  for (const f of files) checkOutputPath(f.file, option);
  for (const f of files) {
    try {
      await writeFileAtomic(f.file, f.content, { mode: f.mode });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? String(err);
      throw new UserError(`Cannot write ${f.file} (${code}).`, `Choose a writable path for ${option}.`);
    }
  }
}
