// Plain text screens: "working…" with a spinner while the flow waits on something, and the
// closing summary (or progress, watched through a store) that enter dismisses.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useInput } from 'ink';
import { bodyHeight, frameLines, type StepName } from '../../model/frame.js';
import { SPINNER } from '../../model/inspect-view.js';
import { line, seg, wrapLine, type Line } from '../../model/lines.js';
import type { Store } from '../../model/store.js';
import { LinesView } from '../lines-view.js';
import { useTerminalSize } from '../use-terminal-size.js';

export function BusyScreen({ step, text }: { readonly step: StepName; readonly text: string }) {
  const size = useTerminalSize();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), 80);
    return () => clearInterval(timer);
  }, []);
  const body = [line(seg(SPINNER[tick % SPINNER.length], 'info'), ` ${text}`)];
  return <LinesView lines={frameLines({ step, body, footer: 'ctrl+c quit', size })} width={size.columns} />;
}

export interface ReportState {
  lines: Line[];
  /** Until true the screen shows progress and ignores enter. */
  finished: boolean;
}

export interface ReportScreenProps {
  step: StepName;
  title?: string;
  store: Store<ReportState>;
  onDone(): void;
}

export function ReportScreen({ step, title, store, onDone }: ReportScreenProps) {
  const size = useTerminalSize();
  const state = useSyncExternalStore(store.subscribe, store.get);
  useInput((input, key) => {
    // The store, not the rendered state: "finished" may have been set since the last render.
    if (store.get().finished && (key.return || key.escape || input === 'q')) onDone();
  });
  const body = state.lines.flatMap((l) => wrapLine(l, size.columns)).slice(-bodyHeight(size.rows));
  const footer = state.finished ? 'enter finish' : 'working…';
  return <LinesView lines={frameLines({ step, title, body, footer, size })} width={size.columns} />;
}
