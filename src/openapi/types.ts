/** The parts of an OpenAPI 3.0 / 3.1 / 3.2 document that the importer reads (after `$ref` bundling). */

export type OpenApiObject = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: string;
  info?: { title?: string; version?: string; description?: string };
  servers?: Array<{ url: string; description?: string }>;
  security?: SecurityRequirement[];
  paths?: Record<string, PathItem>;
  webhooks?: Record<string, PathItem>;
  components?: {
    schemas?: Record<string, OpenApiObject>;
    parameters?: Record<string, OpenApiObject>;
    responses?: Record<string, OpenApiObject>;
    requestBodies?: Record<string, OpenApiObject>;
    headers?: Record<string, OpenApiObject>;
    examples?: Record<string, OpenApiObject>;
    securitySchemes?: Record<string, SecurityScheme>;
  };
}

export type SecurityRequirement = Record<string, string[]>;

export interface SecurityScheme {
  type?: string;
  scheme?: string;
  in?: string;
  name?: string;
  flows?: Record<
    string,
    { authorizationUrl?: string; tokenUrl?: string; refreshUrl?: string; scopes?: Record<string, string> }
  >;
  openIdConnectUrl?: string;
}

export interface PathItem {
  summary?: string;
  description?: string;
  servers?: Array<{ url: string; description?: string }>;
  parameters?: OpenApiObject[];
  [method: string]: unknown;
}

export interface OperationObject {
  tags?: string[];
  summary?: string;
  description?: string;
  operationId?: string;
  parameters?: OpenApiObject[];
  requestBody?: OpenApiObject;
  responses?: Record<string, OpenApiObject>;
  security?: SecurityRequirement[];
  servers?: Array<{ url: string; description?: string }>;
  deprecated?: boolean;
  'x-exclude'?: unknown;
}

/** A document read from disk: its bundled value (every `$ref` local) and its text for locating problems. */
export interface LoadedDocument {
  /** Path as given on the command line. */
  path: string;
  text: string;
  document: OpenApiDocument;
}

export const OPERATION_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Methods of a Path Item the description has no requests for: named in a note. */
export const UNSENT_METHODS = ['head', 'options', 'trace', 'query'] as const;
