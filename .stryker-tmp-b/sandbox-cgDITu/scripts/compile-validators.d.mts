// @ts-nocheck
export const OUTPUT: URL;
export function structureValidatorSource(): string;
