import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OnboardingApplication, PayoutAccountInput } from '@aiparksit/shared';
import { CurrentPrincipal, requireUser, type Principal, Roles } from '../access/index.js';
import { AcceptTermsDto, CompanyDto, ContactDto, PayoutAccountDto, StartOnboardingDto } from './dto/onboarding-requests.dto.js';
import { OnboardingApplicationDto } from './dto/operator-views.dto.js';
import { OperatorsService } from './operators.service.js';

/** The signed-in operator's own application; every step answers the whole application. */
@ApiTags('operator')
@ApiBearerAuth()
@Roles('operator')
@Controller('operator/onboarding')
export class OnboardingController {
  constructor(private readonly operators: OperatorsService) {}

  @Get()
  @ApiOkResponse({ type: OnboardingApplicationDto, description: 'Your application as saved so far, with missingSteps.' })
  @ApiNotFoundResponse({ description: 'application_not_found: not started yet.' })
  get(@CurrentPrincipal() principal: Principal): Promise<OnboardingApplication> {
    return this.operators.getOwn(requireUser(principal));
  }

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: OnboardingApplicationDto, description: 'A draft with the company step saved.' })
  @ApiConflictResponse({ description: 'application_exists: resume it with GET.' })
  start(@CurrentPrincipal() principal: Principal, @Body() body: StartOnboardingDto): Promise<OnboardingApplication> {
    return this.operators.start(requireUser(principal), body.company);
  }

  @Put('company')
  @ApiOkResponse({ type: OnboardingApplicationDto, description: 'The whole application with this step saved.' })
  @ApiBadRequestResponse({ description: 'Field errors in details.' })
  @ApiConflictResponse({ description: 'application_locked: submitted or approved.' })
  company(@CurrentPrincipal() principal: Principal, @Body() body: CompanyDto): Promise<OnboardingApplication> {
    return this.operators.updateCompany(requireUser(principal), body);
  }

  @Put('contact')
  @ApiOkResponse({ type: OnboardingApplicationDto, description: 'The whole application with this step saved.' })
  @ApiBadRequestResponse({ description: 'Field errors in details.' })
  contact(@CurrentPrincipal() principal: Principal, @Body() body: ContactDto): Promise<OnboardingApplication> {
    return this.operators.updateContact(requireUser(principal), body);
  }

  @Put('payout-account')
  @ApiOkResponse({ type: OnboardingApplicationDto, description: 'The whole application with this step saved.' })
  @ApiBadRequestResponse({ description: 'iban (mod-97), routingNumber (ABA checksum) or accountNumber named in details.' })
  payoutAccount(@CurrentPrincipal() principal: Principal, @Body() body: PayoutAccountDto): Promise<OnboardingApplication> {
    const input: PayoutAccountInput =
      body.kind === 'iban'
        ? { kind: 'iban', holderName: body.holderName, iban: body.iban! }
        : { kind: 'us_ach', holderName: body.holderName, routingNumber: body.routingNumber!, accountNumber: body.accountNumber! };
    return this.operators.updatePayoutAccount(requireUser(principal), input);
  }

  @Put('terms')
  @ApiOkResponse({ type: OnboardingApplicationDto, description: 'The whole application with this step saved.' })
  @ApiBadRequestResponse({ description: 'accepted must be true; terms_version_mismatch names the current version.' })
  terms(@CurrentPrincipal() principal: Principal, @Body() body: AcceptTermsDto): Promise<OnboardingApplication> {
    return this.operators.acceptTerms(requireUser(principal), body.version);
  }

  @Post('submit')
  @HttpCode(200)
  @ApiOkResponse({ type: OnboardingApplicationDto, description: 'Submitted for review.' })
  @ApiConflictResponse({ description: 'application_incomplete (details.missingSteps) or application_locked.' })
  submit(@CurrentPrincipal() principal: Principal): Promise<OnboardingApplication> {
    return this.operators.submit(requireUser(principal));
  }
}
