// Screen 1: the probes, spinning until the facts arrive, then each one's outcome.
import { useEffect, useState } from 'react';
import type { HostFacts, ProbeName, ProbeStatus } from '../../../facts/host-facts.js';
import { describeError } from '../../../core/errors.js';
import { INSPECT_KEYS, inspectFrame, type InspectState } from '../../model/inspect-view.js';
import { frameLines, helpBody } from '../../model/frame.js';
import { keyAction } from '../../model/keys.js';
import { LinesView } from '../lines-view.js';
import { useScreenKeys } from '../use-screen-keys.js';
import { useTerminalSize } from '../use-terminal-size.js';

export type InspectResult = { type: 'next'; facts: HostFacts } | { type: 'back' };

export interface InspectScreenProps {
  source: string;
  facts: Promise<HostFacts>;
  /** Probes finished so far (filled in while the facts are gathered). */
  progress?: Partial<Record<ProbeName, ProbeStatus>>;
  onDone(result: InspectResult): void;
}

export function InspectScreen({ source, facts, progress, onDone }: InspectScreenProps) {
  const size = useTerminalSize();
  const [tick, setTick] = useState(0);
  const [outcome, setOutcome] = useState<{ facts: HostFacts } | { error: string } | null>(null);

  useEffect(() => {
    let live = true;
    facts.then(
      (f) => live && setOutcome({ facts: f }),
      (err: unknown) => live && setOutcome({ error: describeError(err) }),
    );
    return () => {
      live = false;
    };
  }, [facts]);
  useEffect(() => {
    if (outcome) return;
    const timer = setInterval(() => setTick((t) => t + 1), 80);
    return () => clearInterval(timer);
  }, [outcome]);

  const state: InspectState =
    outcome === null
      ? { phase: 'running', tick, probes: { ...progress } }
      : 'error' in outcome
        ? { phase: 'failed', message: outcome.error }
        : { phase: 'done', probes: outcome.facts.probes, hostname: outcome.facts.hostname, fromFile: outcome.facts.source === 'file' };

  const helpOpen = useScreenKeys((ev) => {
    const action = keyAction(ev.input, ev.key);
    if (action === 'back') onDone({ type: 'back' });
    else if ((action === 'enter' || action === 'continue') && outcome && 'facts' in outcome) onDone({ type: 'next', facts: outcome.facts });
  });

  const lines = helpOpen
    ? frameLines({ step: 'Inspect', body: helpBody(INSPECT_KEYS), footer: 'any key closes the help', size })
    : inspectFrame({ state, source, size });
  return <LinesView lines={lines} width={size.columns} />;
}
