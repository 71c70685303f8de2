/** `1 folder`, `2 folders`: a count with its noun in the number it needs. */
export const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;
