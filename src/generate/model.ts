/**
 * The collection as plain typed data: built once from the description by pure functions, then
 * serialised by writers that make no decisions of their own (src/generate/writers: v2.1 JSON and the
 * v3 YAML folder). Ids are derived from names; text is final (markdown, script source).
 */
import type { CollectionAuth } from './auth.js';

/** A key/value row: a query parameter, a path variable, a header, a collection variable. */
export interface Param {
  key: string;
  value: string;
  description?: string;
  /** Sent only when the user turns it on (an optional query parameter without a value). */
  disabled?: boolean;
}

/** A script: `prerequest` runs before the request (v3 `beforeRequest`), `test` after the response (`afterResponse`). */
export interface Script {
  listen: 'prerequest' | 'test';
  id: string;
  source: string;
}

/** A request's own auth; without one it inherits the collection's. */
export type RequestAuth =
  | { type: 'noauth' }
  | { type: 'bearer'; token: string }
  | { type: 'basic'; username: string; password: string };

export interface UrlModel {
  /** `{{apiBaseUrl}}/v1/vendors/:id?limit=10`, as Postman shows it. */
  raw: string;
  host: string;
  /** Path segments; a whole-segment path variable is `:name`. */
  path: string[];
  query: Param[];
  variables: Param[];
}

export interface BodyModel {
  /** `json`: a JSON document; `text`: anything else, sent as written (e.g. a form-encoded body). */
  type: 'json' | 'text';
  content: string;
}

export interface HttpRequestModel {
  method: string;
  url: UrlModel;
  headers: Param[];
  body?: BodyModel;
  auth?: RequestAuth;
}

/** A saved example: a response the description documents, with its example body. */
export interface ExampleModel {
  id: string;
  /** `200 OK`, `404 Not Found`. */
  name: string;
  status: number;
  statusText: string;
  headers: Param[];
  body: BodyModel;
}

export interface RequestItem {
  id: string;
  name: string;
  description?: string;
  request: HttpRequestModel;
  scripts: Script[];
  examples: ExampleModel[];
}

export interface FolderModel {
  id: string;
  name: string;
  description: string;
  items: RequestItem[];
  /** Scripts that run before or after each of its requests (the Negative folder's guard); none when absent. */
  scripts?: Script[];
}

export interface CollectionModel {
  id: string;
  name: string;
  version: string;
  description: string;
  /** The collection's auth block (OAuth 2.0, API key, bearer, basic or none), as Postman's keys (see auth.ts). */
  auth: CollectionAuth;
  variables: Param[];
  scripts: Script[];
  folders: FolderModel[];
}
