/** From this many subjects up, one note names them all on one line instead of a line each. */
// @ts-nocheck

const GROUP_FROM = 3;

/**
 * Notes (`subject: message`) with the same message, as one line naming its subjects: Pleo's
 * documents give the same note for twenty operations, which would bury the one that differs.
 * A note given twice is given once. Order: the first appearance of each message.
 */
export function groupNotes(notes: readonly string[]): string[] {
  const bySubjects = new Map<string, string[]>();
  const loose: Array<{ message: string; note: string }> = [];
  for (const note of notes) {
    const split = note.indexOf(': ');
    if (split < 0) {
      if (!loose.some((l) => l.note === note)) loose.push({ message: note, note });
      bySubjects.set(note, bySubjects.get(note) ?? []);
      continue;
    }
    const message = note.slice(split + 2);
    const subjects = bySubjects.get(message) ?? [];
    if (!subjects.includes(note.slice(0, split))) subjects.push(note.slice(0, split));
    bySubjects.set(message, subjects);
  }
  return [...bySubjects].flatMap(([message, subjects]) => {
    if (subjects.length === 0) return loose.filter((l) => l.message === message).map((l) => l.note);
    if (subjects.length < GROUP_FROM) return subjects.map((subject) => `${subject}: ${message}`);
    return [`${message} (${subjects.length}): ${subjects.join('; ')}`];
  });
}
