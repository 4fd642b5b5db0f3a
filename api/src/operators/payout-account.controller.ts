import { Body, Controller, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OnboardingApplication, PayoutAccountInput } from '@aiparksit/shared';
import { CurrentPrincipal, requireUser, Roles, type Principal } from '../access/index.js';
import { ChangePayoutAccountDto } from './dto/onboarding-requests.dto.js';
import { OperatorsService } from './operators.service.js';
import { OnboardingApplicationDto } from './dto/operator-views.dto.js';

/** An approved operator's payout account, after onboarding. */
@ApiTags('operator')
@ApiBearerAuth()
@Roles('operator')
@Controller('operator/payout-account')
export class PayoutAccountController {
  constructor(private readonly operators: OperatorsService) {}

  @Put()
  @ApiOkResponse({
    type: OnboardingApplicationDto,
    description: 'The application with the new masked account and payoutAccountChangedAt; the owner is emailed.',
  })
  @ApiBadRequestResponse({ description: 'current_password_wrong (details.fields), or iban / routingNumber / accountNumber named in details.' })
  @ApiConflictResponse({ description: 'application_not_approved: before approval the onboarding step changes the account.' })
  change(@CurrentPrincipal() principal: Principal, @Body() body: ChangePayoutAccountDto): Promise<OnboardingApplication> {
    const input: PayoutAccountInput =
      body.kind === 'iban'
        ? { kind: 'iban', holderName: body.holderName, iban: body.iban! }
        : { kind: 'us_ach', holderName: body.holderName, routingNumber: body.routingNumber!, accountNumber: body.accountNumber! };
    return this.operators.changePayoutAccount(requireUser(principal), input, body.currentPassword);
  }
}
