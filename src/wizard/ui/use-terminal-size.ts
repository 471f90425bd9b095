// The terminal's size, updated on resize so a screen lays itself out again for the new width.
import { useEffect, useState } from 'react';
import { useStdout } from 'ink';
import type { TerminalSize } from '../model/frame.js';
import { useWizardSettings } from './wizard-context.js';

const FALLBACK: TerminalSize = { columns: 80, rows: 24 };

export function useTerminalSize(): TerminalSize {
  const { size: pinned } = useWizardSettings();
  const { stdout } = useStdout();
  const read = (): TerminalSize => ({ columns: stdout.columns || FALLBACK.columns, rows: stdout.rows || FALLBACK.rows });
  const [size, setSize] = useState(read);
  useEffect(() => {
    if (pinned) return;
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, pinned]);
  return pinned ?? size;
}
