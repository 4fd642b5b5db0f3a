/** One error envelope for every error: domain exceptions, validation, Fastify's own; the recent-errors log. */
export { DomainException, type DomainErrorKind } from './domain.exception.js';
export { AllExceptionsFilter, NO_ROUTE_MESSAGE, sendEnvelope, sendError } from './all-exceptions.filter.js';
export { toErrorEnvelope } from './error-envelope.js';
export { ErrorLog } from './error-log.js';
export { createValidationPipe } from './validation.js';
