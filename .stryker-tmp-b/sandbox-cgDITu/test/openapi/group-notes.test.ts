// @ts-nocheck
import { expect, it } from 'vitest';
import { groupNotes } from '../../src/openapi/group-notes.js';

it('puts three or more subjects of one message on one line, in order of first appearance', () => {
  const notes = [
    'PUT /a (a.yml): only a "default" response is documented: imported as 200',
    'schema X: pattern "YYYY" is a date mask, not a regular expression: dropped',
    'POST /b (b.yml): only a "default" response is documented: imported as 200',
    'overlay entry "GET /c" matches no imported operation',
    'GET /d (d.yml): only a "default" response is documented: imported as 200',
  ];
  expect(groupNotes(notes)).toEqual([
    'only a "default" response is documented: imported as 200 (3): PUT /a (a.yml); POST /b (b.yml); GET /d (d.yml)',
    'schema X: pattern "YYYY" is a date mask, not a regular expression: dropped',
    'overlay entry "GET /c" matches no imported operation',
  ]);
});

it('keeps a note of one or two subjects as it is', () => {
  const notes = ['schema A: differs', 'schema B: differs'];
  expect(groupNotes(notes)).toEqual(notes);
});

it('gives a note repeated word for word once, and counts each subject once', () => {
  const notes = [
    'schema A: dropped',
    'schema A: dropped',
    'schema B: dropped',
    'schema C: dropped',
    'schema C: dropped',
  ];
  expect(groupNotes(notes)).toEqual(['dropped (3): schema A; schema B; schema C']);
  expect(groupNotes(['schema A: x', 'schema A: x'])).toEqual(['schema A: x']);
});
