import type { ApiKeyLocation, AuthSchemeType } from './model.js';

/** The description as written in YAML, after its structure passed the JSON Schema (defaults not yet applied). */
export interface RawParam {
  example?: string | number | boolean;
  variable?: string;
  description?: string;
  required?: boolean;
}
export interface RawResponse {
  description?: string;
  schema?: string | Record<string, unknown>;
  example?: unknown;
  headers?: string[];
}
export interface RawRequest {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  description?: string;
  scopes?: string[];
  public?: boolean;
  parameters?: { path?: Record<string, RawParam>; query?: Record<string, RawParam>; header?: Record<string, RawParam> };
  body?: {
    contentType?: string;
    example: unknown;
    schema?: string | Record<string, unknown>;
    variables?: Record<string, string>;
  };
  responses: Record<string, RawResponse>;
  capture?: Record<string, string>;
  responseTimeMs?: number;
  mock?: { sets?: Record<string, unknown> };
}
export interface RawEnvironment {
  authServerUrl: string;
  authorizeServerUrl?: string;
  apiBaseUrl: string;
  variables?: Record<string, string | number | boolean>;
}
export interface RawDescription {
  info: { name: string; version: string; description?: string };
  environments: { staging: RawEnvironment; production: RawEnvironment; local: RawEnvironment };
  auth: {
    scheme?: AuthSchemeType;
    in?: ApiKeyLocation;
    name?: string;
    grant?: string;
    challengeMethod?: string;
    clientAuthentication?: string;
    callback?: 'desktop' | 'web';
    redirectUri?: string;
    tokenName?: string;
    authorizePath?: string;
    tokenPath?: string;
    refreshPath?: string;
  };
  defaults?: { responseTimeMs?: number; negative?: boolean };
  scopes: Record<string, { description: string; confidence?: 'documented' | 'inferred' | 'example-only' }>;
  schemas?: Record<string, Record<string, unknown>>;
  folders: Array<{ name: string; description?: string; requests: RawRequest[] }>;
}
