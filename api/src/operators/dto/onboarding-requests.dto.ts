import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Equals,
  IsDefined,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import {
  OPERATOR_STATUSES,
  PASSWORD_MAX_LENGTH,
  type AcceptTermsRequest,
  type OnboardingCompany,
  type OnboardingContact,
  type OperatorStatus,
  type RejectOperatorRequest,
  type StartOnboardingRequest,
} from '@aiparksit/shared';
import { PageQueryDto } from '../../common/http/index.js';
import { accountNumberProblem, ibanProblem, routingNumberProblem } from '../payout-account.js';

/** A field checked by one of the payout-account functions; its message says what is wrong. */
function Satisfies(problemOf: (value: string) => string | null, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'payoutAccountNumber',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && problemOf(value) === null,
        defaultMessage: (args) => (typeof args?.value === 'string' ? (problemOf(args.value) ?? 'invalid') : `${args?.property} must be a string`),
      },
    },
    options,
  );
}

const TAX_ID = /^[A-Za-z0-9][A-Za-z0-9 ./-]{2,29}$/;
// E.164 after dropping spaces, dashes, dots and brackets: '+', country code, up to 15 digits.
const PHONE = /^\+[1-9][0-9 ().-]{5,22}$/;

export class CompanyDto implements OnboardingCompany {
  @ApiProperty({ example: 'Nordpark Garagen GmbH' }) @IsString() @Length(2, 200) legalName: string;
  @ApiProperty({ example: 'Nordpark' }) @IsString() @Length(2, 80) displayName: string;
  @ApiProperty({ example: 'DE123456789', description: 'VAT or tax number: 3–30 letters, digits, spaces, dots, slashes or dashes.' })
  @IsString()
  @Matches(TAX_ID, { message: 'taxId must be 3–30 letters, digits, spaces, dots, slashes or dashes' })
  taxId: string;
}

export class StartOnboardingDto implements StartOnboardingRequest {
  @ApiProperty({ type: CompanyDto }) @IsDefined() @ValidateNested() @Type(() => CompanyDto) company: CompanyDto;
}

export class ContactDto implements OnboardingContact {
  @ApiProperty({ example: 'ops@nordpark.example' }) @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(254) email: string;
  @ApiProperty({ example: '+49 30 1234567', description: 'International format with +country code; stored as E.164.' })
  @IsString()
  @Matches(PHONE, { message: 'phone must be in international format, e.g. +49 30 1234567' })
  phone: string;
}

export class PayoutAccountDto {
  @ApiProperty({ enum: ['iban', 'us_ach'] }) @IsIn(['iban', 'us_ach']) kind: 'iban' | 'us_ach';
  @ApiProperty({ example: 'Nordpark Garagen GmbH' }) @IsString() @Length(2, 140) holderName: string;

  @ApiPropertyOptional({ example: 'DE89 3704 0044 0532 0130 00', description: 'When kind is iban. Checked with ISO 7064 mod-97.' })
  @ValidateIf((o: PayoutAccountDto) => o.kind === 'iban')
  @IsString()
  @Satisfies(ibanProblem)
  iban?: string;

  @ApiPropertyOptional({ example: '021000021', description: 'When kind is us_ach. ABA checksum.' })
  @ValidateIf((o: PayoutAccountDto) => o.kind === 'us_ach')
  @IsString()
  @Satisfies(routingNumberProblem)
  routingNumber?: string;

  @ApiPropertyOptional({ example: '000123456789', description: 'When kind is us_ach. Only its last 4 digits are stored.' })
  @ValidateIf((o: PayoutAccountDto) => o.kind === 'us_ach')
  @IsString()
  @Satisfies(accountNumberProblem)
  accountNumber?: string;
}

export class ChangePayoutAccountDto extends PayoutAccountDto {
  @ApiProperty({ description: 'The signed-in user’s password, asked again before payouts can be redirected.' })
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH)
  currentPassword: string;
}

export class AcceptTermsDto implements AcceptTermsRequest {
  @ApiProperty({ enum: [true] }) @Equals(true, { message: 'accepted must be true' }) accepted: true;
  @ApiProperty({ example: '2026-01' }) @IsString() @Length(1, 20) version: string;
}

export class RejectOperatorDto implements RejectOperatorRequest {
  @ApiProperty({ example: 'The tax number does not match the company register.' }) @IsString() @Length(5, 1000) reason: string;
}

export class ListApplicationsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: OPERATOR_STATUSES, default: 'submitted' }) @IsOptional() @IsIn(OPERATOR_STATUSES) status: OperatorStatus = 'submitted';
}
