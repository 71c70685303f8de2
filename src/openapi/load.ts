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
import { checkShape } from './shape.js';
import { hoistPathSchemas } from './hoist.js';
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
    if (String(record.swagger) === '2.0') return undefined;
    return sourceProblem(
      file,
      'OPENAPI_UNSUPPORTED_VERSION',
      '/swagger',
      `Swagger ${String(record.swagger)} is not supported`,
      'the importer reads Swagger 2.0 and OpenAPI 3.0.x, 3.1.x and 3.2.x',
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
  // 3.1 and 3.2 make `paths` optional when there are webhooks or components.
  if (record.paths === undefined && record.webhooks === undefined && record.components === undefined) {
    return sourceProblem(
      file,
      'OPENAPI_NOT_OPENAPI',
      '',
      'not an OpenAPI document: it has none of "paths", "webhooks" and "components"',
    );
  }
  return undefined;
}

/**
 * Swagger 2.0 converted to OpenAPI 3.0 by swagger2openapi (the converter openapi-to-postmanv2 uses too);
 * paths and operations keep their pointers, so later problems still point near the right line.
 */
async function fromSwagger2(
  value: object,
  file: string,
): Promise<{ value: Record<string, unknown> } | { problem: SourceProblem }> {
  try {
    const { convertObj } = await import('swagger2openapi');
    const converted = await convertObj(structuredClone(value), { patch: true, warnOnly: true, direct: true });
    return { value: converted as Record<string, unknown> };
  } catch (cause) {
    return {
      problem: {
        ...sourceProblem(
          file,
          'OPENAPI_NOT_OPENAPI',
          '',
          `not a valid Swagger 2.0 document: ${(cause as Error).message.split('\n')[0]}`,
        ),
        cause,
      } as SourceProblem,
    };
  }
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
    const swagger = 'swagger' in (parsed.value as object);
    const misshapen = swagger ? [] : checkShape(parsed.value as Record<string, unknown>, path);
    if (misshapen.length > 0) {
      problems.push(...misshapen);
      continue;
    }
    if (swagger) {
      const converted = await fromSwagger2(parsed.value as object, path);
      if ('problem' in converted) {
        problems.push(converted.problem);
        continue;
      }
      const shape = checkShape(converted.value, path);
      if (shape.length > 0) {
        problems.push(...shape);
        continue;
      }
      parsed.value = converted.value;
    }
    if (onlyLocalRefsThatResolve(parsed.value)) {
      loaded.push({ path, text, document: parsed.value as OpenApiDocument });
      continue;
    }
    try {
      const { $RefParser } = await import('@apidevtools/json-schema-ref-parser');
      const parser = new $RefParser();
      // bundle() rewrites the value it is given; the document as written names the hoisted schemas.
      const original = structuredClone(parsed.value);
      const document = (await parser.bundle(resolve(path), parsed.value as object, {
        continueOnError: true,
        resolve: { http: false },
      })) as unknown as OpenApiDocument;
      hoistPathSchemas(document, original);
      loaded.push({ path, text, document });
    } catch (error) {
      problems.push(...refProblems(error, path));
    }
  }
  if (problems.length > 0) throw new ImportError(problems, texts);
  return loaded;
}
