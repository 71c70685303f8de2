// @ts-nocheck
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { JSONParserError } from '@apidevtools/json-schema-ref-parser';
import { CORE_SCHEMA, load, type YAMLException } from 'js-yaml';
import { ERROR_CODES, UserError } from '../errors.js';
import { parseSource } from '../description/validate.js';
import { pointerOf } from '../description/problem.js';
import { jsonErrorOffset } from './json-offset.js';
import { onlyLocalRefsThatResolve } from './local-refs.js';
import { ImportError, sourceProblem, type SourceProblem } from './problems.js';
import type { LoadedDocument, OpenApiDocument } from './types.js';

/** The OpenAPI versions the importer reads. */
export const SUPPORTED_VERSIONS = /^3\.[012]\.\d+$/;

type Parsed = { value: unknown } | { problem: SourceProblem };

/** Parses YAML or JSON (JSON is YAML); a syntax error is located by character offset. */
export function parseDocumentText(text: string, file: string): Parsed {
  if (/\.json$/i.test(file)) {
    // JSON is read as JSON: YAML would accept `{"get": }` and other things JSON refuses.
    try {
      return { value: JSON.parse(text) };
    } catch (cause) {
      const offset = jsonErrorOffset(text) ?? 0;
      const found = text[offset] === undefined ? 'the end of the file' : `"${text[offset]}"`;
      return {
        problem: {
          ...sourceProblem(file, 'OPENAPI_SYNTAX', '', `JSON syntax error: unexpected ${found}`),
          offset,
          cause,
        } as SourceProblem,
      };
    }
  }
  try {
    return { value: load(text, { schema: CORE_SCHEMA, filename: file }) };
  } catch (cause) {
    const { doc } = parseSource(text);
    const first = doc.errors[0];
    const offset = first?.pos[0] ?? (cause as YAMLException).mark?.position ?? 0;
    const reason = first?.message.split('\n')[0] ?? (cause as YAMLException).reason ?? 'unreadable';
    return { problem: { ...sourceProblem(file, 'OPENAPI_SYNTAX', '', `YAML/JSON syntax error: ${reason}`), offset } };
  }
}

/** Checks that a parsed value is an OpenAPI 3.0, 3.1 or 3.2 document. */
export function checkOpenApiVersion(value: unknown, file: string): SourceProblem | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return sourceProblem(file, 'OPENAPI_NOT_OPENAPI', '', 'not an OpenAPI document: expected a mapping at the top');
  }
  const record = value as Record<string, unknown>;
  if ('swagger' in record) {
    return sourceProblem(
      file,
      'OPENAPI_UNSUPPORTED_VERSION',
      '/swagger',
      `Swagger ${String(record.swagger)} is not supported`,
      'convert it to OpenAPI 3 first (3.0, 3.1 and 3.2 are read)',
    );
  }
  if (!('openapi' in record)) {
    return sourceProblem(file, 'OPENAPI_NOT_OPENAPI', '', 'not an OpenAPI document: it has no "openapi" field');
  }
  if (typeof record.openapi !== 'string' || !SUPPORTED_VERSIONS.test(record.openapi)) {
    return sourceProblem(
      file,
      'OPENAPI_UNSUPPORTED_VERSION',
      '/openapi',
      `OpenAPI version "${String(record.openapi)}" is not supported`,
      'the importer reads OpenAPI 3.0.x, 3.1.x and 3.2.x',
    );
  }
  if (typeof record.paths !== 'object' || record.paths === null) {
    return sourceProblem(file, 'OPENAPI_NOT_OPENAPI', '/paths', 'the document has no "paths" to import');
  }
  return undefined;
}

function refProblems(error: unknown, file: string): SourceProblem[] {
  const errors = (error as { errors?: JSONParserError[] }).errors ?? [error as JSONParserError];
  return errors.map((e) =>
    sourceProblem(
      file,
      'OPENAPI_REF',
      e.path ? pointerOf(...e.path) : '',
      `$ref cannot be resolved: ${e.message}`,
      'point the $ref at a component that exists (local "#/components/…" or a relative file)',
    ),
  );
}

/**
 * Reads the documents and resolves their `$ref`s with @apidevtools/json-schema-ref-parser (bundle:
 * refs to other files are pulled in, local ones stay `$ref`s, so circular schemas stay circular); a
 * document whose refs are all local and resolve is already bundled.
 * Every problem of every file is gathered before failing.
 */
export async function loadOpenApiDocuments(paths: readonly string[]): Promise<LoadedDocument[]> {
  const problems: SourceProblem[] = [];
  const texts: Array<{ file: string; text: string }> = [];
  const loaded: LoadedDocument[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (cause) {
      throw new UserError(
        `cannot read the OpenAPI document "${path}": ${(cause as NodeJS.ErrnoException).code ?? 'unreadable'}`,
        ERROR_CODES.SPEC_NOT_FOUND,
        { cause },
      );
    }
    texts.push({ file: path, text });
    const parsed = parseDocumentText(text, path);
    if ('problem' in parsed) {
      problems.push(parsed.problem);
      continue;
    }
    const wrong = checkOpenApiVersion(parsed.value, path);
    if (wrong) {
      problems.push(wrong);
      continue;
    }
    if (onlyLocalRefsThatResolve(parsed.value)) {
      loaded.push({ path, text, document: parsed.value as OpenApiDocument });
      continue;
    }
    try {
      const { $RefParser } = await import('@apidevtools/json-schema-ref-parser');
      const parser = new $RefParser();
      const document = (await parser.bundle(resolve(path), parsed.value as object, {
        continueOnError: true,
        resolve: { http: false },
      })) as unknown as OpenApiDocument;
      loaded.push({ path, text, document });
    } catch (error) {
      problems.push(...refProblems(error, path));
    }
  }
  if (problems.length > 0) throw new ImportError(problems, texts);
  return loaded;
}
