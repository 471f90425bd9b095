// Draws computed lines. Each line is cut at the terminal's width (truncated, never wrapped), so
// a frame is exactly as many rows as it has lines.
import { Box, Text } from 'ink';
import type { Line } from '../model/lines.js';
import { toneProps } from './tones.js';
import { useWizardSettings } from './wizard-context.js';

export function LinesView({ lines, width }: { readonly lines: readonly Line[]; readonly width: number }) {
  const { color } = useWizardSettings();
  return (
    <Box flexDirection="column" width={width}>
      {lines.map((l, i) => (
        <Text key={i} wrap="truncate-end">
          {l.length === 0
            ? ' '
            : l.map((s, j) => (
                <Text key={j} {...toneProps(s.tone, color)}>
                  {s.text}
                </Text>
              ))}
        </Text>
      ))}
    </Box>
  );
}
