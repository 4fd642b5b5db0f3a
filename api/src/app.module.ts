import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { type AppConfig, ConfigModule } from './config/index.js';
import { CommonModule } from './common/index.js';
import { ErrorLog } from './common/errors/index.js';
import { dataSourceOptions } from './database/index.js';
import { HealthModule } from './health/index.js';
import { SecurityModule } from './security/index.js';
import { AuthModule } from './auth/index.js';
import { RealtimeModule } from './realtime/index.js';
import { ScheduleModule } from '@nestjs/schedule';
import { IdempotencyModule } from './common/idempotency/index.js';
import { BookingsModule } from './bookings/index.js';
import { WaitlistModule } from './waitlist/index.js';
import { PassesModule } from './passes/index.js';
import { BookingSeriesModule } from './booking-series/index.js';
import { PaymentsModule } from './payments/index.js';
import { linkOriginProviders, OutboxModule } from './outbox/index.js';
import { NotificationsModule } from './notifications/index.js';
import { HarvestModule } from './harvest/index.js';
import { FacilitiesModule } from './facilities/index.js';
import { FacilityManagementModule } from './facility-management/index.js';
import { OperatorsModule } from './operators/index.js';
import { AnalyticsModule } from './analytics/index.js';
import { ForecastModule } from './forecast/index.js';
import { PriceSuggestionsModule } from './price-suggestions/index.js';
import { MetricsModule } from './metrics/index.js';
import { ReportsModule } from './reports/index.js';
import { ReportSubscriptionsModule } from './report-subscriptions/index.js';
import { AccountsModule } from './accounts/index.js';
import { AuditModule } from './audit/index.js';
import { SystemModule } from './system/index.js';
import { TelemetryModule } from './telemetry/index.js';
import { ErrorLogModule, SlowQueryLogger } from './error-log/index.js';
import { AdminActionsModule } from './admin-actions/index.js';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
}

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRootAsync({
          imports: [CommonModule],
          inject: [ErrorLog],
          useFactory: (errorLog: ErrorLog) =>
            dataSourceOptions({
              url: databaseUrl,
              poolSize: config.values.dbPoolSize,
              slowQueries: { thresholdMs: config.values.slowQueryMs, logger: new SlowQueryLogger(errorLog) },
            }),
        }),
        CommonModule,
        // First of the modules with guards: its APP_GUARD must run before authentication.
        SecurityModule,
        HealthModule,
        // After the rate limiter's module: global guards run in import order.
        AuthModule,
        // After AuthModule: the anti-harvesting guard counts the authenticated caller.
        HarvestModule,
        RealtimeModule,
        // Once for the whole app: each import would register every scheduled job again.
        ScheduleModule.forRoot(),
        IdempotencyModule,
        PaymentsModule,
        BookingsModule,
        WaitlistModule,
        PassesModule,
        BookingSeriesModule,
        OutboxModule,
        NotificationsModule,
        FacilitiesModule,
        FacilityManagementModule,
        OperatorsModule,
        AnalyticsModule,
        ForecastModule,
        PriceSuggestionsModule,
        MetricsModule,
        ReportsModule,
        ReportSubscriptionsModule,
        AccountsModule,
        AuditModule,
        SystemModule,
        TelemetryModule,
        ErrorLogModule,
        AdminActionsModule,
      ],
      // Links in emails follow the request only in development without PUBLIC_URL.
      providers: linkOriginProviders(config),
    };
  }
}
