// @ts-nocheck
import { createInterface } from 'node:readline';

/**
 * Asks one question on the terminal (stderr), reading the answer from stdin; with `hidden`, what is
 * typed is not echoed (a client secret). Only for a TTY: callers check `process.stdin.isTTY` first.
 */
export function askOnTerminal(question: string, hidden = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const output = rl as unknown as { _writeToOutput?: (text: string) => void };
    if (hidden) {
      const write = output._writeToOutput?.bind(rl);
      output._writeToOutput = (text: string) => {
        // Echo the prompt and the final newline, never the characters typed.
        if (text.startsWith(question) || text === '\r\n' || text === '\n')
          write?.(text.startsWith(question) ? question : text);
      };
    }
    rl.on('SIGINT', () => {
      rl.close();
      reject(new Error('cancelled'));
    });
    rl.question(question, (answer) => {
      rl.close();
      if (hidden) process.stderr.write('\n');
      resolve(answer.trim());
    });
  });
}
