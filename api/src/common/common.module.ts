import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AllExceptionsFilter, ErrorLog, createValidationPipe } from './errors/index.js';

/** What every request goes through: validation on the way in, one error envelope on the way out. */
@Global()
@Module({
  providers: [ErrorLog, { provide: APP_FILTER, useClass: AllExceptionsFilter }, { provide: APP_PIPE, useFactory: createValidationPipe }],
  exports: [ErrorLog],
})
export class CommonModule {}
