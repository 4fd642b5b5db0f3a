/** One error envelope for every error: domain exceptions, validation, Fastify's own; the recent-errors log. */
export { DomainException, type DomainErrorKind } from './domain.exception.js';
export { AllExceptionsFilter, NO_ROUTE_MESSAGE, sendEnvelope, sendError } from './all-exceptions.filter.js';
export { toErrorEnvelope } from './error-envelope.js';
export { ErrorLog, ERROR_TYPES, type ErrorType, type ErrorOccurrence, type PendingErrorGroup, type HourFigures } from './error-log.js';
export { normaliseErrorText, MAX_ERROR_MESSAGE } from './error-fingerprint.js';
export { currentRequest, enterRequestContext, reenterRequestContext, requestContextIsCheap, type RequestContext } from './request-context.js';
export { createValidationPipe } from './validation.js';
export { describeFieldError, fieldError, fieldErrorDetails } from './field-errors.js';
