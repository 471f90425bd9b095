// Each screen behind a promise: `show` mounts one screen in the session's single Ink instance and
// resolves with what the person chose, so the wizard's flow stays plain async code. One instance
// for the whole session keeps the terminal state (raw mode, hidden cursor) steady between screens.
import React, { type ReactElement, type ReactNode } from 'react';
import { render, useInput } from 'ink';
import { WizardContext, type WizardSettings } from './wizard-context.js';

/** The person pressed ctrl+c: leave without changes. */
export class WizardCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'WizardCancelled';
  }
}

export interface Mounted {
  rerender(node: ReactElement): void;
  unmount(): void;
}

export type Mount = (node: ReactElement) => Mounted;

export interface ScreenHost {
  /** `cancellable: false` ignores ctrl+c while the screen is up (files are being written). */
  show<T>(screen: (done: (value: T) => void) => ReactElement, opts?: { cancellable?: boolean }): Promise<T>;
  close(): void;
}

export interface ScreenHostOptions extends WizardSettings {
  stdout?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadStream;
  /** How to mount the tree; tests pass ink-testing-library's render. */
  mount?: Mount;
}

function Root({ settings, onCancel, children }: { readonly settings: WizardSettings; readonly onCancel: () => void; readonly children: ReactNode }) {
  useInput((input, key) => {
    if (key.ctrl && input === 'c') onCancel();
  });
  return <WizardContext.Provider value={settings}>{children}</WizardContext.Provider>;
}

export function createScreenHost(opts: ScreenHostOptions): ScreenHost {
  const settings: WizardSettings = { color: opts.color, size: opts.size };
  // Ink takes an explicit undefined stream as "none", so only the streams given are passed on.
  const streams = { ...(opts.stdout ? { stdout: opts.stdout } : {}), ...(opts.stdin ? { stdin: opts.stdin } : {}) };
  const mount: Mount = opts.mount ?? ((node) => render(node, { ...streams, exitOnCtrlC: false, patchConsole: true }));
  let mounted: Mounted | null = null;
  let seq = 0;
  let cancel: (() => void) | null = null;

  return {
    show<T>(screen: (done: (value: T) => void) => ReactElement, showOpts: { cancellable?: boolean } = {}): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        let settled = false;
        const done = (value: T) => {
          // A key pressed twice before the next screen mounts must not answer twice.
          if (settled) return;
          settled = true;
          resolve(value);
        };
        cancel = () => {
          if (settled || showOpts.cancellable === false) return;
          settled = true;
          reject(new WizardCancelled());
        };
        // A new key per screen: React mounts it fresh, so no state leaks from the previous one.
        const tree = (
          <Root settings={settings} onCancel={() => cancel?.()}>
            <React.Fragment key={++seq}>{screen(done)}</React.Fragment>
          </Root>
        );
        if (mounted) mounted.rerender(tree);
        else mounted = mount(tree);
      });
    },
    close() {
      mounted?.unmount();
      mounted = null;
    },
  };
}
