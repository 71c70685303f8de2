// @ts-nocheck
import { loadSpec, type ApiDescription } from '../../src/description/index.js';

export const MINIMAL_SPEC = 'test/fixtures/specs/minimal.yaml';
export const DEFAULT_SPEC = 'collections/pleo-api.yaml';

export const loadMinimal = (): Promise<ApiDescription> => loadSpec(MINIMAL_SPEC);
export const loadDefault = (): Promise<ApiDescription> => loadSpec(DEFAULT_SPEC);
