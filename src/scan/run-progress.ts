// Progress of `audit --scan` on a terminal: one line on standard error, rewritten in place, and
// erased when the scans are done so the report starts on a clean screen. Piped or redirected,
// standard error gets nothing: a log would fill with carriage returns.
import type { ScanProgress } from './run-scanner.js';

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** The progress a terminal shows, or undefined where standard error is not one. */
export function terminalScanProgress(stream: ProgressStream): ScanProgress | undefined {
  if (!stream.isTTY) return undefined;
  let shown = false;
  return {
    update(done, total, scanner) {
      const noun = total === 1 ? 'image' : 'images';
      // \r returns to the line's start, ESC[K clears what a longer line left behind.
      stream.write(`\r\u001B[Kscanning ${done}/${total} ${noun} with ${scanner}…`);
      shown = true;
    },
    end() {
      if (shown) stream.write('\r\u001B[K');
      shown = false;
    },
  };
}
