/** The HTTP server: Fastify adapter and its hooks, the log stream, request ids, security headers, `@Public()`, paging queries. */
export { createHttpAdapter, configureHttp } from './http-server.js';
export { createLogStream, logFormatFor, type LogFormat, type LogStream } from './log-stream.js';
export { computeSecurityHeaders } from './security-headers.js';
export { JsonResponse, checkedSerializer, installResponseSerializer, type ResponseBodySchema } from './response-schema/index.js';
export { Public, IS_PUBLIC } from './public.decorator.js';
export { PageQueryDto } from './page-query.dto.js';
export { requestIdFor } from './request-id.js';
export { writeRawErrorEnvelope, type ClientErrorAnswer } from './client-error.js';
export { createOpenApiDocument, completeErrorResponses, openApiDocumentConfig } from './openapi.js';
