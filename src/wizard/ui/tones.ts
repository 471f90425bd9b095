// Tones to Ink text props. With colour off (NO_COLOR, --no-color, not a colour terminal) no
// styling is emitted at all, so every state must also read from its symbol or words.
import type { Tone } from '../model/lines.js';

export interface ToneProps {
  color?: string;
  bold?: boolean;
  dimColor?: boolean;
}

const PROPS: Record<Tone, ToneProps> = {
  ok: { color: 'green' },
  warn: { color: 'yellow' },
  bad: { color: 'red' },
  info: { color: 'cyan' },
  muted: { dimColor: true },
  strong: { bold: true },
  accent: { color: 'cyan', bold: true },
  add: { color: 'green' },
  del: { color: 'red' },
  hunk: { color: 'cyan' },
};

export function toneProps(tone: Tone | undefined, color: boolean): ToneProps {
  return color && tone ? PROPS[tone] : {};
}
