export function syntheticSpec(requestCount: number): string;
