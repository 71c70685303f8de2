// @ts-nocheck
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary directory. */
export const tempDir = (prefix = 'pleo-postman-test-') => mkdtempSync(join(tmpdir(), prefix));
