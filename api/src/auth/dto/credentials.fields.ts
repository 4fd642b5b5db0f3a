import { Transform } from 'class-transformer';

/** Surrounding spaces in an email or name are typing accidents, never meaningful. */
export const Trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** Longest email address SMTP can deliver to (RFC 5321, section 4.5.3.1.3). */
export const EMAIL_MAX_LENGTH = 254;
