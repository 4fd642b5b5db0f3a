/**
 * The form-level message. The live region is always in the page so that screen readers
 * announce the message the moment it appears.
 */
export function FormAlert({ message }: { message: string | null }) {
  return (
    <div className="form-alert-region" aria-live="assertive" aria-atomic="true">
      {message && <p className="form-alert">{message}</p>}
    </div>
  );
}
