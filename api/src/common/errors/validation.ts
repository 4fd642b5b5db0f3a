import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import type { FieldError, FieldErrorCode, FieldErrorFormat } from '@aiparksit/shared';
import { fieldError, fieldErrorDetails } from './field-errors.js';

type Params = NonNullable<FieldError['params']>;

/**
 * class-validator's constraint names (the keys of `ValidationError.constraints`) as our field
 * codes, with the params read from the decorator's arguments. A constraint missing here comes
 * out as `invalid` with class-validator's own text, which a unit test keeps from happening for
 * the decorators our DTOs use.
 */
const CONSTRAINTS: Record<string, (args: unknown[], property: string) => { code: FieldErrorCode; params?: Params }> = {
  isDefined: () => ({ code: 'required' }),
  isNotEmpty: () => ({ code: 'required' }),
  arrayNotEmpty: () => ({ code: 'too_few', params: { min: 1 } }),
  whitelistValidation: () => ({ code: 'not_allowed' }),
  isString: () => ({ code: 'invalid_type', params: { expected: 'string' } }),
  isNumber: () => ({ code: 'invalid_type', params: { expected: 'number' } }),
  isBoolean: () => ({ code: 'invalid_type', params: { expected: 'boolean' } }),
  isArray: () => ({ code: 'invalid_type', params: { expected: 'list' } }),
  isObject: () => ({ code: 'invalid_type', params: { expected: 'object' } }),
  nestedValidation: () => ({ code: 'invalid_type', params: { expected: 'object' } }),
  isInt: () => ({ code: 'not_integer' }),
  isPositive: () => ({ code: 'too_small', params: { min: 1 } }),
  isLength: ([min, max]) => ({ code: 'too_short', params: lengthParams(min, max) }),
  minLength: ([min]) => ({ code: 'too_short', params: { min: Number(min) } }),
  maxLength: ([max]) => ({ code: 'too_long', params: { max: Number(max) } }),
  min: ([min]) => ({ code: 'too_small', params: { min: Number(min) } }),
  max: ([max]) => ({ code: 'too_large', params: { max: Number(max) } }),
  arrayMinSize: ([min]) => ({ code: 'too_few', params: { min: Number(min) } }),
  arrayMaxSize: ([max]) => ({ code: 'too_many', params: { max: Number(max) } }),
  arrayUnique: () => ({ code: 'invalid', params: { format: 'unique_items' } }),
  isIn: ([allowed]) => ({ code: 'not_one_of', params: { allowed: (allowed as unknown[]).map(String) } }),
  isEnum: ([entity]) => ({ code: 'not_one_of', params: { allowed: Object.values(entity as object).map(String) } }),
  equals: ([value]) => ({ code: 'not_one_of', params: { allowed: [String(value)] } }),
  isEmail: () => ({ code: 'invalid_email' }),
  isUuid: () => ({ code: 'invalid_format', params: { format: 'uuid' } }),
  isIso8601: () => ({ code: 'invalid_format', params: { format: 'date_time' } }),
  isUrl: () => ({ code: 'invalid_format', params: { format: 'url' } }),
  isLatitude: () => ({ code: 'invalid_format', params: { format: 'latitude' } }),
  isLongitude: () => ({ code: 'invalid_format', params: { format: 'longitude' } }),
  matches: ([pattern], property) => matchesCode(pattern, property),
  strongPassword: () => ({ code: 'weak_password' }),
  payoutAccountNumber: () => ({ code: 'invalid_format', params: { format: 'bank_account' } }),
};

/** `@Matches` patterns whose shape has a name of its own, by the pattern's start. */
const PATTERN_FORMATS: [RegExp, FieldErrorFormat][] = [
  [/^\^\[A-Z\]\{2\}\$$/, 'country'],
  [/^\^\[A-Z\]\{3\}\$$/, 'currency'],
  [/^\^\\d\{4\}-\\d\{2\}-\\d\{2\}\$$/, 'date'],
  [/^\^\\d\{4\}-\\d\{2\}-\\d\{2\}\(T/, 'date_time'],
];

/** Patterns too particular to recognise by their text, named by the field they check. */
const PROPERTY_FORMATS: Record<string, FieldErrorFormat> = { phone: 'phone', taxId: 'tax_id', bbox: 'bbox' };

/**
 * `@Matches` as a code: a pattern that is a list of words (`^(a|b|c)$`) is `not_one_of` with
 * them; a known shape is `invalid_format` with its name; anything else is `pattern`.
 */
function matchesCode(pattern: unknown, property: string): { code: FieldErrorCode; params: Params } {
  const source = pattern instanceof RegExp ? pattern.source : String(pattern);
  const words = /^\^\(([\w|]+)\)\$$/.exec(source);
  if (words) return { code: 'not_one_of', params: { allowed: words[1]!.split('|') } };
  const format = PATTERN_FORMATS.find(([shape]) => shape.test(source))?.[1] ?? PROPERTY_FORMATS[property] ?? 'pattern';
  return { code: 'invalid_format', params: { format } };
}

/** Which of a field's failed constraints speaks first: a missing value says "required", not "too short". */
const PRECEDENCE: FieldErrorCode[] = ['required', 'not_allowed', 'invalid_type', 'not_integer'];

function lengthParams(min: unknown, max: unknown): Params {
  const params: Params = { min: Number(min) };
  if (max !== undefined && max !== null) params['max'] = Number(max);
  return params;
}

/** Constraints whose own text says what is wrong better than a code's sentence (the reason a password is weak, which IBAN digit). */
const OWN_TEXT = new Set(['strongPassword', 'payoutAccountNumber']);

interface ConstraintMeta {
  args: unknown[];
  /** The DTO wrote its own message for this constraint. */
  ownMessage: boolean;
}

/** The decorator arguments of each constraint on a DTO property, by constraint name. */
function constraintsOf(target: object | undefined, property: string): Map<string, ConstraintMeta> {
  const found = new Map<string, ConstraintMeta>();
  if (!target) return found;
  for (const meta of getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', true, false)) {
    if (meta.propertyName === property && meta.name) found.set(meta.name, { args: meta.constraints ?? [], ownMessage: meta.message !== undefined });
  }
  return found;
}

/** One field's problem from class-validator's failed constraints on it. */
function toFieldError(field: string, error: ValidationError): FieldError {
  const constraints = error.constraints ?? {};
  const metas = constraintsOf(error.target, error.property);
  const candidates = Object.keys(constraints).map((name) => {
    const known = CONSTRAINTS[name]?.(metas.get(name)?.args ?? [], error.property);
    return { name, ...(known ?? { code: 'invalid' as const }) };
  });
  // A value that is absent fails every constraint, and blank text its length: say it is required.
  const absent = error.value === undefined || error.value === null;
  const blank = error.value === '' && candidates.some((c) => c.code === 'too_short' || c.code === 'required');
  if ((absent || blank) && !candidates.some((c) => c.code === 'not_allowed')) return fieldError(field, 'required');
  const first = PRECEDENCE.map((code) => candidates.find((c) => c.code === code)).find(Boolean) ?? candidates[0]!;
  const params = fixLength(first, error.value);
  const text = constraints[first.name];
  if (first.code === 'weak_password') return fieldError(field, first.code, { reason: (text ?? '').replace(/^\S+\s/, '') }, text);
  const ownText = first.code === 'invalid' || OWN_TEXT.has(first.name) || metas.get(first.name)?.ownMessage;
  return fieldError(field, first.code, params, ownText ? text : undefined);
}

/** `@Length(min, max)` fails both ways under one name: a value over `max` is too long, not too short. */
function fixLength(candidate: { code: FieldErrorCode; params?: Params }, value: unknown): Params | undefined {
  if (
    candidate.code === 'too_short' &&
    typeof value === 'string' &&
    candidate.params?.['max'] !== undefined &&
    value.length > Number(candidate.params['max'])
  ) {
    candidate.code = 'too_long';
  }
  return candidate.params;
}

/** Flattens class-validator's tree into one entry per field path (`address.city`, `spaces.0.type`). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints && Object.keys(error.constraints).length) out.push(toFieldError(field, error));
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

/**
 * A DTO of a hot route may check its plain input itself: `acceptValid` answers the DTO exactly as
 * the pipe would make it when every field passes, and undefined for anything else.
 */
export interface CheckedByHand<T> {
  acceptValid(value: unknown): T | undefined;
}

/** The input a DTO accepts by hand goes through as it is; anything else through class-validator, which words every 400. */
class ValidationPipeWithHandChecks extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const accepted = (metadata.metatype as Partial<CheckedByHand<unknown>> | undefined)?.acceptValid?.(value);
    return accepted === undefined ? super.transform(value, metadata) : Promise.resolve(accepted);
  }
}

/** Whitelist, forbid unknown fields, transform to DTO classes; every failure names its field and a code. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipeWithHandChecks({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // Target and value are read to find codes and params; neither is ever echoed to the client.
    validationError: { target: true, value: true },
    exceptionFactory: (errors) => {
      const fields = flattenValidationErrors(errors);
      const names = [...new Set(fields.map((d) => d.field))].join(', ');
      return new BadRequestException({ message: `Invalid request: check ${names}.`, details: fieldErrorDetails('invalid_request', fields) });
    },
  });
}

/** The class-validator constraints this file gives a code of their own. */
export const CONSTRAINT_NAMES: readonly string[] = Object.keys(CONSTRAINTS);

/** How each constraint becomes a code, for tests that hold the mapping to the shared lists. */
export const CONSTRAINT_CODES: Readonly<typeof CONSTRAINTS> = CONSTRAINTS;
