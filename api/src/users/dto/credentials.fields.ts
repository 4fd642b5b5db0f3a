import { Transform } from 'class-transformer';
import { IsEmail, Matches, MaxLength } from 'class-validator';

/** Surrounding spaces in an email or name are typing accidents, never meaningful. */
export const Trim = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** Longest email address SMTP can deliver to (RFC 5321, section 4.5.3.1.3). */
export const EMAIL_MAX_LENGTH = 254;

/**
 * An email as the users table accepts it: what validator.js calls an email, without whitespace
 * (it allows quoted local parts such as "a b"@x, which the table's CHECK refuses).
 */
export const AccountEmail = (): PropertyDecorator => (target, key) => {
  IsEmail()(target, key);
  Matches(/^[^@\s]+@[^@\s]+$/, { message: 'email must not contain spaces' })(target, key);
  MaxLength(EMAIL_MAX_LENGTH)(target, key);
};
