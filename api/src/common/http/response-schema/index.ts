/** Response schemas: `@JsonResponse()` and the serialiser compiler that checks them outside production. */
export { JsonResponse, checkedSerializer, installResponseSerializer, type ResponseBodySchema } from './response-schema.js';
