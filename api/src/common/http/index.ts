/** The HTTP server: Fastify adapter and its hooks, request ids, `@Public()`, paging queries. */
export { createHttpAdapter, configureHttp } from './http-server.js';
export { Public, IS_PUBLIC } from './public.decorator.js';
export { PageQueryDto } from './page-query.dto.js';
export { requestIdFor } from './request-id.js';
export { writeRawErrorEnvelope, type ClientErrorAnswer } from './client-error.js';
export { createOpenApiDocument, completeErrorResponses, openApiDocumentConfig } from './openapi.js';
