// Which scanner `audit --scan` runs: trivy or grype, found on PATH the way a shell would find it.
// The lookup walks PATH itself instead of asking a shell, so nothing from the environment is
// ever interpreted as a command line.
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../core/errors.js';

export const SCANNER_NAMES = ['trivy', 'grype'] as const;
export type ScannerName = (typeof SCANNER_NAMES)[number];

export interface Scanner {
  name: ScannerName;
  /** The executable's absolute path: what is spawned, so a later PATH change cannot swap it. */
  path: string;
}

export const NO_SCANNER =
  '--scan needs trivy or grype on PATH; install one (https://trivy.dev or https://github.com/anchore/grype) or pass reports with --scan-report.';

/** The value of --scanner; anything else is a typo. */
export function parseScannerName(value: string): ScannerName {
  const name = value.trim().toLowerCase();
  if ((SCANNER_NAMES as readonly string[]).includes(name)) return name as ScannerName;
  throw new UserError(`--scanner takes trivy or grype, not "${value}".`, 'Leave it out to use trivy when it is installed, else grype.');
}

/**
 * The scanner to run: the one asked for, else trivy (its JSON names the image id and the report's
 * date), else grype. Throws the one sentence that says what to install when none is there.
 */
export function chooseScanner(requested: ScannerName | undefined, env: NodeJS.ProcessEnv = process.env): Scanner {
  const order = requested ? [requested] : SCANNER_NAMES;
  for (const name of order) {
    const found = findOnPath(name, env.PATH);
    if (found) return { name, path: found };
  }
  if (requested) {
    const other = SCANNER_NAMES.find((n) => n !== requested);
    throw new UserError(
      `--scanner ${requested} needs ${requested} on PATH, and it is not there.`,
      `Install ${requested}, or leave --scanner out to use ${other} if it is installed, or pass reports with --scan-report.`,
    );
  }
  throw new UserError(NO_SCANNER);
}

/** The first executable regular file called `name` in the PATH directories (relative ones are skipped). */
export function findOnPath(name: string, searchPath: string | undefined): string | null {
  for (const dir of (searchPath ?? '').split(path.delimiter)) {
    // An empty or relative entry means the current directory: a checkout could plant a `trivy` there.
    if (!dir || !path.isAbsolute(dir)) continue;
    const file = path.join(dir, name);
    try {
      if (!statSync(file).isFile()) continue;
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // Absent or not executable here: keep looking.
    }
  }
  return null;
}
