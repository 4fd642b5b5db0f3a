// `npm run openapi`: writes the OpenAPI document of the built API (shared/openapi.json) and the
// typed client's types generated from it (shared/src/api-client/openapi-schema.ts).
// `--check` writes nothing and fails when either committed file differs from what the code gives
// (the drift check of `npm test`). No database is needed: Nest's preview mode loads the modules and
// their decorators without instantiating a provider.
import 'reflect-metadata';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { API_DIST, ROOT, step } from './lib.mjs';

const DOCUMENT_FILE = resolve(ROOT, 'shared/openapi.json');
const SCHEMA_FILE = resolve(ROOT, 'shared/src/api-client/openapi-schema.ts');
const API_SRC = resolve(ROOT, 'api/src');
const check = process.argv.includes('--check');

async function importDist(path) {
  const file = join(API_DIST, path);
  if (!existsSync(file)) {
    process.stderr.write(`✖ ${relative(ROOT, file)} is missing: build the API first (npm run build -w shared && npm run build -w api).\n`);
    process.exit(1);
  }
  return import(pathToFileURL(file).href);
}

// The HTTP status of each kind of domain error, as the API's error filter maps them.
const { STATUS_OF_KIND } = await importDist('common/errors/domain.exception.js');

async function buildDocument() {
  const { NestFactory } = await import('@nestjs/core');
  const { FastifyAdapter } = await import('@nestjs/platform-fastify');
  const { AppModule } = await importDist('app.module.js');
  const { AppConfig } = await importDist('config/index.js');
  const { createOpenApiDocument } = await importDist('common/http/index.js');
  // Defaults only: the document must not depend on the machine's environment.
  const config = AppConfig.fromEnv({ LOG_LEVEL: 'silent' });
  const app = await NestFactory.create(AppModule.forRoot({ config, databaseUrl: 'postgres://unused@127.0.0.1:1/unused' }), new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  app.setGlobalPrefix('api');
  try {
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/** Each module's error codes by HTTP status, read from its `*.exception.ts` (the code → kind map, or one fixed kind). */
function errorCodesByModule() {
  const modules = new Map();
  for (const module of readdirSync(API_SRC, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    const byStatus = new Map();
    const add = (code, kind) => {
      const status = STATUS_OF_KIND[kind];
      if (!status) return;
      if (!byStatus.has(status)) byStatus.set(status, new Set());
      byStatus.get(status).add(code);
    };
    const dir = join(API_SRC, module.name);
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.exception.ts'))) {
      const source = readFileSync(join(dir, file), 'utf8');
      const map = /Record<\w+, DomainErrorKind> = \{([^}]*)\}/.exec(source);
      if (map) {
        for (const [, code, kind] of map[1].matchAll(/^\s*(\w+): '(\w+)',?\s*$/gm)) add(code, kind);
        continue;
      }
      const fixedKind = /readonly kind: DomainErrorKind = '(\w+)'/.exec(source);
      const codes = /export type \w+ErrorCode =([^;]*);/.exec(source);
      if (fixedKind && codes) for (const [, code] of codes[1].matchAll(/'(\w+)'/g)) add(code, fixedKind[1]);
    }
    if (byStatus.size) modules.set(module.name, byStatus);
  }
  return modules;
}

/** The module (folder under api/src) that declares each controller class. */
function controllerModules() {
  const modules = new Map();
  const walk = (dir, module) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, module ?? entry.name);
      else if (module && entry.name.endsWith('.controller.ts')) {
        for (const [, name] of readFileSync(path, 'utf8').matchAll(/export class (\w+Controller)\b/g)) modules.set(name, module);
      }
    }
  };
  walk(API_SRC, undefined);
  return modules;
}

/**
 * Lists under each error response the codes its module raises with that status: an integrator
 * switches on `details.code`, so each route says which codes to expect. A module's codes of a
 * status are listed on each of its routes that documents the status.
 */
function documentErrorCodes(document) {
  const codes = errorCodesByModule();
  const controllers = controllerModules();
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      const controller = operation.operationId?.split('_')[0];
      const module = codes.get(controllers.get(controller));
      const access = codes.get('access');
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const listed = new Set([...(module?.get(Number(status)) ?? [])]);
        if (status === '403' && operation.security?.some((scheme) => 'api-key' in scheme) === false) {
          for (const code of access?.get(403) ?? []) listed.add(code);
        }
        if (!listed.size) continue;
        response.description = `${response.description ?? ''}\n\nCodes (\`details.code\`): ${[...listed]
          .sort()
          .map((code) => `\`${code}\``)
          .join(', ')}.`.trim();
      }
    }
  }
}

async function generatedSchema(document) {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  // A property with a default may be left out of a request: it must stay optional in the types.
  const ast = await openapiTS(document, { alphabetize: true, defaultNonNullable: false });
  const header = '// Generated by `npm run openapi` from shared/openapi.json: do not edit by hand.\n';
  return format(header + astToString(ast), 'typescript');
}

async function format(text, parser) {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(SCHEMA_FILE)) ?? {};
  return prettier.format(text, { ...options, parser });
}

step('Generating the OpenAPI document from the built API (no database)…');
const document = await buildDocument();
documentErrorCodes(document);
const outputs = [
  [DOCUMENT_FILE, await format(JSON.stringify(document), 'json')],
  [SCHEMA_FILE, await generatedSchema(document)],
];

if (check) {
  const drifted = outputs.filter(([file, text]) => !existsSync(file) || readFileSync(file, 'utf8') !== text).map(([file]) => relative(ROOT, file));
  if (drifted.length) {
    process.stderr.write(
      `\n✖ The OpenAPI document and the typed client have drifted from the API's code: ${drifted.join(', ')} ` +
        `differ from what the routes and DTOs give.\n  Run \`npm run openapi\` and commit the result (and fix the SPA where the new types say so).\n`,
    );
    process.exit(1);
  }
  const count = Object.values(document.paths).reduce((sum, item) => sum + Object.keys(item).length, 0);
  process.stdout.write(`OpenAPI document and typed client match the code (${count} operations).\n`);
} else {
  for (const [file, text] of outputs) {
    writeFileSync(file, text);
    process.stdout.write(`  wrote ${relative(ROOT, file)}\n`);
  }
}
