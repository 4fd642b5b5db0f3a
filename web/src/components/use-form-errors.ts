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

  const [failedChecks, setFailedChecks] = useState(0);
  const checkFields = useCallback((): boolean => {
    const found = formRef.current ? formFieldErrors(formRef.current) : [];
    setBrowserErrors(found);
    if (found.length) setFailedChecks((count) => count + 1);
    return found.length === 0;
  }, [formRef]);

  // A field the person edits after a failed check loses its message as they type. Heard on the
  // document, after React's own listener on the root: a state change made before React had
  // handled the same input event made a controlled input (the coordinates) take back its old value.
  useEffect(() => {
    const form = formRef.current;
    if (!form || !browserErrors.length) return;
    const fixing = (event: Event) => {
      const target = event.target as Partial<HTMLInputElement> | null;
      if (target?.form !== form || !target.name) return;
      const name = target.name;
      setBrowserErrors((errors) => (errors.some((each) => each.field === name) ? errors.filter((each) => each.field !== name) : errors));
    };
    const document = form.ownerDocument;
    document.addEventListener('input', fixing);
    return () => document.removeEventListener('input', fixing);
  }, [browserErrors.length, formRef]);

  // After the commit that rendered the messages, so aria-invalid is already on the inputs; only
  // when a submission failed, never while the person types.
  useEffect(() => {
    if (error || failedChecks) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error, failedChecks, formRef]);

  return { fieldMessages, formMessage, checkFields };
}
