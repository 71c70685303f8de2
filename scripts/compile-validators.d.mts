export const OUTPUT: URL;
export function structureValidatorSource(): string;
export const DRAFT07_OUTPUT: URL;
export const DRAFT07_ID: string;
export const DRAFT07_OPTIONS: { allErrors: boolean; strict: boolean };
export function draft07ValidatorSource(): string;
