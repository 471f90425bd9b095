// What one run of the wizard carries from step to step: the options, the facts as they arrive,
// the screens and where relative paths start. Every step takes it; none owns it.
import type { GlobalOptions } from '../services/options.js';
import type { HostFacts, ProbeName, ProbeStatus } from '../facts/host-facts.js';
import type { ScreenHost } from './ui/screen-host.js';

export interface WizardRun {
  opts: GlobalOptions;
  /** Started before the first screen, so inspecting overlaps loading the interface. */
  facts: Promise<HostFacts>;
  /** Probe statuses as they arrive, filled in by the facts source. */
  progress?: Partial<Record<ProbeName, ProbeStatus>>;
  host: ScreenHost;
  cwd: string;
  uid?: number;
  /** Answered on the plain first frame before Ink had loaded: stands for the Inspect screen. */
  early?: 'next' | 'back';
}
