import { Module } from '@nestjs/common';
import { PaymentsModule } from '../payments/index.js';
import { FacilityManagementController } from './facility-management.controller.js';
import { FacilityManagementRepository } from './facility-management.repository.js';
import { FacilityManagementService } from './facility-management.service.js';
import { OperatorFacilitiesController } from './operator-facilities.controller.js';

@Module({
  imports: [PaymentsModule],
  controllers: [FacilityManagementController, OperatorFacilitiesController],
  providers: [FacilityManagementService, FacilityManagementRepository],
  exports: [FacilityManagementService],
})
export class FacilityManagementModule {}
