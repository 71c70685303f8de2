/** A command line the README shows: in a fenced block (`sh` or another) or an inline code span. */
export interface ReadmeCommand {
  /** 1-based line in the README where it starts. */
  line: number;
  /** As written, continuation lines joined, a trailing `# comment` removed. */
  text: string;
  where: 'sh' | 'block' | 'inline';
  /** Its words, as a shell would split them (variables such as `$PLEO_CLIENT_ID` stand for a sample value). */
  words: string[];
  /**
   * A synopsis rather than a runnable line: `[--port 8788]`, `--env staging|production`, `FILE…`,
   * `--env ENV`. Only its option names are checked.
   */
  synopsis: boolean;
}

const SAMPLE = '1';

/** Splits a command line into words the way sh does for the quoting the README uses ('…', "…", \x). */
export function shellWords(text: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  const withSamples = text.replace(/\$\{\{[^}]*\}\}/g, SAMPLE).replace(/\$\{?[A-Za-z_][A-Za-z0-9_]*\}?/g, SAMPLE);
  for (let i = 0; i < withSamples.length; i++) {
    const c = withSamples[i] as string;
    if (c === ' ' || c === '\t') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === "'" || c === '"') {
      const end = withSamples.indexOf(c, i + 1);
      word = (word ?? '') + withSamples.slice(i + 1, end);
      i = end;
    } else if (c === '\\') {
      word = (word ?? '') + (withSamples[i + 1] ?? '');
      i++;
    } else word = (word ?? '') + c;
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** A synopsis, or a code span that only names a command (`npx pleo-postman import-openapi` in a heading). */
const isSynopsis = (text: string, where: ReadmeCommand['where']): boolean =>
  (where === 'inline' && /^npx pleo-postman [\w-]+$/.test(text)) ||
  /\[|…|\S\|\S|\s[A-Z][A-Z_]+\b(?!=)/.test(text.replace(/\$\{?\w+\}?/g, ''));

/** The first command of a pipeline (`login --print | gh secret set …` → `login --print`). */
const firstOfPipeline = (text: string): string => text.split(/\s\|\s/)[0] as string;

function command(line: number, raw: string, where: ReadmeCommand['where']): ReadmeCommand {
  const text = firstOfPipeline(raw.replace(/\s+#\s.*$/, '').trim());
  return { line, text, where, words: shellWords(text), synopsis: isSynopsis(text, where) };
}

/**
 * Every command line of the README: each line of a fenced `sh` block (with `\` continuations), each
 * `npx pleo-postman …` line of another fenced block (`$ npx …` in a transcript, `- run: npx …` in a
 * workflow), and each inline code span that starts with `npx pleo-postman`.
 */
export function readmeCommands(markdown: string): ReadmeCommand[] {
  const lines = markdown.split('\n');
  const commands: ReadmeCommand[] = [];
  let fence: string | undefined;
  let pending: { line: number; text: string } | undefined;
  lines.forEach((text, index) => {
    const opening = /^```(\w*)\s*$/.exec(text);
    if (fence === undefined && opening) {
      fence = opening[1] ?? '';
      return;
    }
    if (fence !== undefined && /^```\s*$/.test(text)) {
      fence = undefined;
      return;
    }
    if (fence === 'sh') {
      const joined = pending ? `${pending.text} ${text.trim()}` : text;
      const start = pending?.line ?? index + 1;
      pending = undefined;
      if (joined.endsWith('\\')) pending = { line: start, text: joined.slice(0, -1) };
      else if (joined.trim() !== '' && !joined.trim().startsWith('#')) {
        // A synopsis wrapped over lines continues with an indented line of options.
        const previous = commands.at(-1);
        if (/^\s+\[?--/.test(joined) && previous?.where === 'sh' && previous.synopsis) {
          Object.assign(previous, command(previous.line, `${previous.text} ${joined.trim()}`, 'sh'));
        } else commands.push(command(start, joined, 'sh'));
      }
      return;
    }
    if (fence !== undefined) {
      const at = text.indexOf('npx pleo-postman ');
      if (at >= 0) commands.push(command(index + 1, text.slice(at), 'block'));
      return;
    }
    for (const span of text.matchAll(/`(npx pleo-postman[^`]*)`/g)) {
      commands.push(command(index + 1, (span[1] as string).replace(/\\\|/g, '|'), 'inline'));
    }
  });
  return commands;
}
