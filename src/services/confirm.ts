// One yes/no question on the terminal; anything but y/yes is a no. The question goes to stderr,
// never stdout: `apply | tee log` must still show it, and the log holds only the plan and results.
import { createInterface } from 'node:readline/promises';

export async function askYesNo(
  question: string,
  streams: { input: NodeJS.ReadableStream; prompt: NodeJS.WritableStream } = { input: process.stdin, prompt: process.stderr },
): Promise<boolean> {
  const rl = createInterface({ input: streams.input, output: streams.prompt });
  try {
    const answer = await rl.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}
