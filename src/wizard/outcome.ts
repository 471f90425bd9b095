// How a wizard session ends: the exit code, and what to print once the screens are gone so the
// result stays in the terminal.

export interface WizardOutcome {
  exitCode: number;
  summary: string[];
}

export const noChanges = (): WizardOutcome => ({ exitCode: 0, summary: ['No changes made.'] });

export const cancelled = (): WizardOutcome => ({ exitCode: 130, summary: ['Stopped: no changes made.'] });
