import type { MaskedPayoutAccount, OperatorStatus } from '@aiparksit/shared';

/** One row of `operators`: an application and, once approved, the operator company. */
export interface OperatorRecord {
  id: string;
  ownerId: string;
  status: OperatorStatus;
  legalName: string;
  displayName: string;
  taxId: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  payoutKind: MaskedPayoutAccount['kind'] | null;
  payoutHolderName: string | null;
  payoutCountry: string | null;
  payoutBankHint: string | null;
  payoutLast4: string | null;
  termsVersion: string | null;
  termsAcceptedAt: Date | null;
  rejectionReason: string | null;
  payoutAccountChangedAt: Date | null;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface OperatorWithOwner extends OperatorRecord {
  ownerEmail: string;
  ownerName: string;
}
