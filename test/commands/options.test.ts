import { describe, expect, it } from 'vitest';
import { parseScopes } from '../../src/commands/options.js';
import { loadMinimal } from '../helpers/specs.js';

describe('--scopes', () => {
  it.each(['', ' ', ' , '])(
    'issue 19 item 4: an empty list (%j) is refused, not a collection without requests',
    async (value) => {
      const spec = await loadMinimal();
      expect(() => parseScopes(spec, value)).toThrow('--scopes: the list is empty');
    },
  );

  it('takes scopes split by spaces or commas, and refuses unknown ones', async () => {
    const spec = await loadMinimal();
    const [first, second] = Object.keys(spec.scopes) as [string, string];
    expect(parseScopes(spec, `${first}, ${second}`)).toEqual([first, second]);
    expect(parseScopes(spec, undefined)).toBeUndefined();
    expect(() => parseScopes(spec, 'nope:read')).toThrow('--scopes: unknown scope "nope:read"');
  });
});
