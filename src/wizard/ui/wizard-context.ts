// What every screen needs from the session and nothing else: colour on or off, and (in tests) a
// pinned terminal size.
import { createContext, useContext } from 'react';
import type { TerminalSize } from '../model/frame.js';

export interface WizardSettings {
  color: boolean;
  /** Fixed size for tests; the live terminal's size otherwise. */
  size?: TerminalSize;
}

export const WizardContext = createContext<WizardSettings>({ color: false });

export const useWizardSettings = (): WizardSettings => useContext(WizardContext);
