import { useEffect, useMemo, type RefObject } from 'react';
import { ApiError, describeError, type FieldMessages } from '../lib/api-error';

/**
 * Splits a failed submission into messages per field (from the envelope's `details`) and one
 * message for the form, and moves focus to the first field the server rejected.
 */
export function useFormErrors(error: unknown, formRef: RefObject<HTMLFormElement | null>) {
  const fieldMessages: FieldMessages = useMemo(() => (error instanceof ApiError ? error.fieldMessages : {}), [error]);
  const formMessage = useMemo(() => {
    if (!error) return null;
    if (Object.keys(fieldMessages).length) return 'Please correct the highlighted fields.';
    return describeError(error);
  }, [error, fieldMessages]);

  // After the commit that rendered the messages, so aria-invalid is already on the inputs.
  useEffect(() => {
    if (error) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error, formRef]);

  return { fieldMessages, formMessage };
}
