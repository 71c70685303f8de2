// @ts-nocheck
import { STATUS_CODES } from 'node:http';
import type { FolderDef, RequestDef } from '../description/index.js';
import { stableId } from './ids.js';
import type { ExampleModel } from './model.js';

/**
 * The saved examples of a request: one per documented response, in status order (the 2xx that the
 * contract expects, then the errors), each with the description's example body, so Postman shows
 * them beside the request and its mock servers can serve them. A response without an example has
 * an empty body: nothing is made up.
 */
export function buildExamples(folder: FolderDef, request: RequestDef): ExampleModel[] {
  return Object.entries(request.responses)
    .map(([status, response]) => ({ status: Number(status), response }))
    .sort((a, b) => a.status - b.status)
    .map(({ status, response }) => {
      const statusText = STATUS_CODES[status] ?? '';
      const json = response.example !== undefined;
      return {
        id: stableId('example', folder.name, request.name, String(status)),
        name: `${status} ${statusText}`.trim(),
        status,
        statusText,
        headers: json ? [{ key: 'Content-Type', value: 'application/json' }] : [],
        body: json
          ? { type: 'json', content: JSON.stringify(response.example, null, 2) }
          : { type: 'text', content: '' },
      };
    });
}
