// @ts-nocheck
export function syntheticSpec(requestCount: number): string;
