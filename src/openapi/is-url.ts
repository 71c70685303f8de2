/** A reference with a scheme (`https:`, `urn:`, …) or a network path (`//host/…`): a URL, not a file path. */
export const isUrl = (reference: string): boolean =>
  /^[a-z][a-z\d+.-]*:/i.test(reference) || reference.startsWith('//');
