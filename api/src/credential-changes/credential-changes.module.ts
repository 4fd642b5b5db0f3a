import { Module } from '@nestjs/common';
import { CredentialChanges } from './credential-changes.js';

/** The one credential-change listener of an instance, shared by the modules that cache credentials. */
@Module({ providers: [CredentialChanges], exports: [CredentialChanges] })
export class CredentialChangesModule {}
