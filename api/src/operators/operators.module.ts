import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/index.js';
import { OutboxModule } from '../outbox/index.js';
import { AdminOperatorsController } from './admin-operators.controller.js';
import { OnboardingController } from './onboarding.controller.js';
import { PayoutAccountController } from './payout-account.controller.js';
import { OperatorDashboardController } from './operator-dashboard.controller.js';
import { OperatorDashboardRepository } from './operator-dashboard.repository.js';
import { OperatorDashboardService } from './operator-dashboard.service.js';
import { OperatorEntity } from './operator.entity.js';
import { OperatorsRepository } from './operators.repository.js';
import { OperatorsService } from './operators.service.js';

@Module({
  imports: [AuthModule, OutboxModule, TypeOrmModule.forFeature([OperatorEntity])],
  controllers: [OnboardingController, AdminOperatorsController, OperatorDashboardController, PayoutAccountController],
  providers: [OperatorsService, OperatorsRepository, OperatorDashboardService, OperatorDashboardRepository],
  exports: [OperatorsService],
})
export class OperatorsModule {}
