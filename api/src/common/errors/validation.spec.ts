import 'reflect-metadata';
import { BadRequestException } from '@nestjs/common';
import {
  ArrayMaxSize,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  getMetadataStorage,
} from 'class-validator';
import { Type } from 'class-transformer';
import { FIELD_ERROR_CODES, FIELD_ERROR_FORMATS, type FieldError } from '@aiparksit/shared';
import { CONSTRAINT_CODES, CONSTRAINT_NAMES, createValidationPipe } from './validation.js';

class AddressDto {
  @IsString()
  @Length(1, 20)
  line!: string;
}

class SampleDto {
  @IsEmail()
  email!: string;

  @IsString()
  @Length(10, 200)
  password!: string;

  @IsInt()
  @Min(1)
  @Max(50)
  limit!: number;

  @IsIn(['standard', 'ev'])
  spaceType!: string;

  @IsOptional()
  @IsISO8601()
  start?: string;

  @IsOptional()
  @IsUUID()
  id?: string;

  @IsOptional()
  @Matches(/^[A-Z]{2}$/)
  country?: string;

  @IsOptional()
  @MaxLength(3)
  note?: string;

  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  day?: string;

  @IsOptional()
  @Matches(/^\+[1-9][0-9 ().-]{5,22}$/, { message: 'phone must be in international format' })
  phone?: string;

  @IsOptional()
  @Matches(/^(created|updated)$/)
  action?: string;

  @IsOptional()
  @ArrayMaxSize(2)
  tags?: string[];

  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;
}

const VALID = { email: 'a@example.com', password: 'long enough password', limit: 5, spaceType: 'ev' };

async function fieldsOf(body: Record<string, unknown>): Promise<FieldError[]> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: SampleDto });
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    const response = (error as BadRequestException).getResponse() as { details: { code: string; fields: FieldError[] } };
    expect(response.details.code).toBe('invalid_request');
    return response.details.fields;
  }
  throw new Error('the body passed validation');
}

describe('createValidationPipe', () => {
  it('gives each failing field one code, its params and an English fallback, never the value', async () => {
    const fields = await fieldsOf({
      email: 'not-an-email',
      password: 'short',
      limit: 500,
      spaceType: 'truck',
      start: 'yesterday',
      id: 'x',
      country: 'deu',
      note: 'too long',
      tags: ['a', 'b', 'c'],
    });
    const byField = Object.fromEntries(fields.map((f) => [f.field, f]));
    expect(byField['email']).toMatchObject({ code: 'invalid_email' });
    expect(byField['password']).toMatchObject({ code: 'too_short', params: { min: 10, max: 200 }, message: 'password must be at least 10 characters long' });
    expect(byField['limit']).toMatchObject({ code: 'too_large', params: { max: 50 } });
    expect(byField['spaceType']).toMatchObject({ code: 'not_one_of', params: { allowed: ['standard', 'ev'] } });
    expect(byField['start']).toMatchObject({ code: 'invalid_format', params: { format: 'date_time' } });
    expect(byField['id']).toMatchObject({ code: 'invalid_format', params: { format: 'uuid' } });
    expect(byField['country']).toMatchObject({ code: 'invalid_format', params: { format: 'country' } });
    expect(byField['note']).toMatchObject({ code: 'too_long', params: { max: 3 } });
    expect(byField['tags']).toMatchObject({ code: 'too_many', params: { max: 2 } });
    expect(JSON.stringify(fields)).not.toContain('not-an-email');
  });

  it('names the shape a pattern asks for: a known shape, the field it checks, or a list of words as the words', async () => {
    const fields = await fieldsOf({ ...VALID, day: '1.2.2026', phone: '030 123', action: 'deleted' });
    const byField = Object.fromEntries(fields.map((f) => [f.field, f]));
    expect(byField['day']).toMatchObject({ code: 'invalid_format', params: { format: 'date' } });
    expect(byField['phone']).toMatchObject({ code: 'invalid_format', params: { format: 'phone' }, message: 'phone must be in international format' });
    expect(byField['action']).toMatchObject({ code: 'not_one_of', params: { allowed: ['created', 'updated'] } });
  });

  it('says a missing or blank field is required, whatever else it fails', async () => {
    const fields = await fieldsOf({ ...VALID, email: undefined, password: '' });
    expect(fields).toEqual([
      { field: 'email', code: 'required', message: 'email is required' },
      { field: 'password', code: 'required', message: 'password is required' },
    ]);
  });

  it('reads a too-long value under a two-sided length as too long', async () => {
    const fields = await fieldsOf({ ...VALID, password: 'x'.repeat(201) });
    expect(fields).toEqual([expect.objectContaining({ field: 'password', code: 'too_long', params: { min: 10, max: 200 } })]);
  });

  it('names nested fields by path and unknown fields as not allowed', async () => {
    const fields = await fieldsOf({ ...VALID, address: { line: 'x'.repeat(21) }, role: 'admin' });
    expect(fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'address.line', code: 'too_long', params: { min: 1, max: 20 } }),
        expect.objectContaining({ field: 'role', code: 'not_allowed' }),
      ]),
    );
  });

  it('maps every class-validator decorator the API imports to a code other than the catch-all', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join, dirname } = await import('node:path');
    const { fileURLToPath } = await import('node:url');
    const validators = (await import('class-validator')) as unknown as Record<string, (...args: unknown[]) => PropertyDecorator>;
    const src = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
    const imported = new Set<string>();
    for (const file of walk(src)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/import \{([^}]+)\} from 'class-validator'/g)) {
        for (const name of match[1]!.split(',').map((n) => n.trim().replace(/^type /, ''))) if (/^[A-Z]/.test(name)) imported.add(name);
      }
    }
    // Decorate a throwaway class with each decorator and read the constraint name it registers.
    const names = new Map<string, string>();
    for (const decorator of imported) {
      class Probe {}
      try {
        validators[decorator]!(/x/, 1)(Probe.prototype, 'value');
      } catch {
        continue;
      }
      for (const meta of getMetadataStorage().getTargetValidationMetadatas(Probe, '', true, false)) {
        if (meta.name && meta.type !== 'conditionalValidation') names.set(meta.name, decorator);
      }
    }
    expect(names.size).toBeGreaterThan(10);
    expect([...names.keys()].filter((name) => !CONSTRAINT_NAMES.includes(name)).map((name) => names.get(name))).toEqual([]);
    expect(FIELD_ERROR_CODES).toContain('invalid');
  });

  it('names only formats of the shared list, which clients word', () => {
    const formats = new Set<string>();
    for (const name of CONSTRAINT_NAMES) {
      // Arguments of every decorator's kind; a mapping that cannot read one kind is tried with the next.
      for (const args of [[/^[A-Z]{2}$/], [/^[A-Z]{3}$/], [/^\d{4}-\d{2}-\d{2}$/], [/^x+$/], [1, 2], [['a']], [{ a: 'a' }]]) {
        for (const property of ['phone', 'taxId', 'bbox', 'other']) {
          let format: unknown;
          try {
            format = CONSTRAINT_CODES[name]!(args, property).params?.['format'];
          } catch {
            continue;
          }
          if (format !== undefined) formats.add(String(format));
        }
      }
    }
    expect(formats.size).toBeGreaterThan(8);
    expect([...formats].filter((format) => !(FIELD_ERROR_FORMATS as readonly string[]).includes(format))).toEqual([]);
  });
});
