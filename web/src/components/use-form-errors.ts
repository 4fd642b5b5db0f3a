import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react';
import type { FieldError } from '@aiparksit/shared';
import { ApiError, describeError, sentencesByField, type FieldMessages } from '../lib/api-error';
import { formFieldErrors, type FormWording } from '../lib/field-messages';

/**
 * Splits a failed submission into sentences per field (from the envelope's `details.fields`) and
 * one message for the form, and moves focus to the first field at fault. `checkFields()` runs the
 * inputs' own constraints (required, type, length, range) before a request and reports what they
 * find with the same codes and sentences the API's answer would get; it returns false when the
 * form should not be sent. `wording` gives the form's fields their own words where the shared
 * ones read badly ("Enter the car park’s name").
 */
export function useFormErrors(error: unknown, formRef: RefObject<HTMLFormElement | null>, wording?: FormWording) {
  const [browserErrors, setBrowserErrors] = useState<FieldError[]>([]);
  const serverMessages: FieldMessages = useMemo(() => (error instanceof ApiError ? error.fieldMessagesFor(wording ?? {}) : {}), [error, wording]);
  const fieldMessages: FieldMessages = useMemo(
    () => (browserErrors.length ? sentencesByField(browserErrors, wording) : serverMessages),
    [browserErrors, serverMessages, wording],
  );
  const formMessage = useMemo(() => {
    if (browserErrors.length || Object.keys(serverMessages).length) return 'Please correct the highlighted fields.';
    if (!error) return null;
    return describeError(error);
  }, [error, browserErrors, serverMessages]);

  const checkFields = useCallback((): boolean => {
    const found = formRef.current ? formFieldErrors(formRef.current) : [];
    setBrowserErrors(found);
    return found.length === 0;
  }, [formRef]);

  // After the commit that rendered the messages, so aria-invalid is already on the inputs.
  useEffect(() => {
    if (error || browserErrors.length) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error, browserErrors, formRef]);

  return { fieldMessages, formMessage, checkFields };
}
