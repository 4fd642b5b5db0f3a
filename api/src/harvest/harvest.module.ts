import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AppConfig } from '../config/index.js';
import { CanaryFacilities } from './canary-facilities.js';
import { harvestPolicyFromConfig } from './harvest-policy.js';
import { harvestStoreProvider } from './harvest-store.provider.js';
import { HarvestGuard } from './harvest.guard.js';
import { HarvestPageInterceptor } from './harvest-page.interceptor.js';
import { HarvestRepository } from './harvest.repository.js';
import { HarvestService } from './harvest.service.js';
import { HARVEST_CLOCK, HARVEST_POLICY } from './harvest.tokens.js';

/**
 * The anti-harvesting guard on routes marked `@HarvestProtected()`. Import it after AuthModule in
 * AppModule: global guards run in import order, and this one needs the authenticated caller.
 * Global, because `@HarvestProtected('marketplace-page')` puts HarvestPageInterceptor on a route
 * of whichever module declares it, and Nest resolves that interceptor's HarvestService there.
 */
@Global()
@Module({
  providers: [
    { provide: HARVEST_POLICY, inject: [AppConfig], useFactory: (config: AppConfig) => harvestPolicyFromConfig(config.values) },
    { provide: HARVEST_CLOCK, useValue: Date.now },
    harvestStoreProvider,
    HarvestRepository,
    CanaryFacilities,
    HarvestService,
    { provide: APP_GUARD, useClass: HarvestGuard },
    HarvestPageInterceptor,
  ],
  exports: [HarvestService, HarvestPageInterceptor],
})
export class HarvestModule {}
