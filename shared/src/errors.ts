/** One field that failed validation, named by its path in the request body or query. */
export interface FieldError {
  field: string;
  messages: string[];
}

/**
 * The body of every error the API answers with, whatever its status.
 * `requestId` matches the `x-request-id` response header and the server's log lines.
 */
export interface ErrorEnvelope {
  statusCode: number;
  error: string;
  message: string;
  details?: FieldError[] | Record<string, unknown>;
  requestId: string;
}

export const REQUEST_ID_HEADER = 'x-request-id';
