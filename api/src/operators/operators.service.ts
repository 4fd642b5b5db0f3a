import { Injectable } from '@nestjs/common';
import {
  ONBOARDING_STEPS,
  OPERATOR_TERMS_VERSION,
  type OnboardingApplication,
  type OnboardingCompany,
  type OnboardingContact,
  type OnboardingStep,
  type OperatorApplicationSummary,
  type OperatorStatus,
  type Page,
  type PayoutAccountInput,
} from '@aiparksit/shared';
import { AuthService } from '../auth/index.js';
import type { UserPrincipal } from '../access/index.js';
import { ACCOUNT_NOTICE_EMAIL, type AccountNoticePayload } from '../notifications/index.js';
import { OutboxService } from '../outbox/index.js';
import type { OperatorRecord, OperatorWithOwner } from './operator.record.js';
import { OperatorsException } from './operators.exception.js';
import { OperatorsRepository } from './operators.repository.js';
import { maskedDisplay, maskPayoutAccount, normaliseIban } from './payout-account.js';
import { fieldError } from '../common/errors/index.js';

const notStarted = () =>
  new OperatorsException('application_not_found', 'You have not started an operator application yet: POST /api/operator/onboarding starts it.');

/**
 * Onboarding: an operator account fills in its one application step by step (each step is saved
 * when valid), submits it when complete, and an admin approves or rejects it with a reason.
 * Every onboarding route acts on the caller's own application only, so nobody else's is reachable.
 */
@Injectable()
export class OperatorsService {
  constructor(
    private readonly operators: OperatorsRepository,
    private readonly auth: AuthService,
    private readonly outbox: OutboxService,
  ) {}

  async getOwn(user: UserPrincipal): Promise<OnboardingApplication> {
    return toApplication((await this.operators.findByOwner(user.userId)) ?? throwIt(notStarted()));
  }

  async start(user: UserPrincipal, company: OnboardingCompany): Promise<OnboardingApplication> {
    const created = await this.operators.insertDraft(user.userId, tidyCompany(company));
    if (!created) throw new OperatorsException('application_exists', 'You already have an application: GET /api/operator/onboarding resumes it.');
    return toApplication(created);
  }

  updateCompany(user: UserPrincipal, company: OnboardingCompany): Promise<OnboardingApplication> {
    return this.editStep(user, () => this.operators.updateCompany(user.userId, tidyCompany(company)));
  }

  updateContact(user: UserPrincipal, contact: OnboardingContact): Promise<OnboardingApplication> {
    return this.editStep(user, () => this.operators.updateContact(user.userId, { email: contact.email.trim(), phone: normalisePhone(contact.phone) }));
  }

  updatePayoutAccount(user: UserPrincipal, input: PayoutAccountInput): Promise<OnboardingApplication> {
    const account = maskPayoutAccount(input.kind === 'iban' ? { ...input, iban: normaliseIban(input.iban) } : input);
    return this.editStep(user, () => this.operators.updatePayoutAccount(user.userId, account));
  }

  /**
   * An approved operator moves its payouts to another account. The payout account is where the
   * money goes, so a change asks for the password again (a stolen session alone cannot redirect
   * payouts), is stored masked like the first, records when it happened, and emails the owner in
   * the same transaction, so an unexpected change is noticed. Before approval the onboarding step
   * changes it; while submitted it is under review and stays as it is.
   */
  async changePayoutAccount(user: UserPrincipal, input: PayoutAccountInput, currentPassword: string): Promise<OnboardingApplication> {
    if (!(await this.auth.passwordMatches(user, currentPassword))) {
      throw new OperatorsException('current_password_wrong', 'Your current password is needed to change where payouts go.', {
        fields: [fieldError('currentPassword', 'wrong_password')],
      });
    }
    const account = maskPayoutAccount(input.kind === 'iban' ? { ...input, iban: normaliseIban(input.iban) } : input);
    const changed = await this.operators.transaction(async (manager) => {
      const record = await this.operators.changeApprovedPayoutAccount(manager, user.userId, account);
      if (record) {
        const notice: AccountNoticePayload = {
          userId: user.userId,
          subject: 'Your payout account was changed',
          message: `Payouts for ${record.displayName} now go to ${maskedDisplay(account.kind, account.country, account.last4)} (${account.holderName}).\n\nIf you did not make this change, contact AIParksit support at once and change your password.`,
        };
        await this.outbox.enqueue(ACCOUNT_NOTICE_EMAIL, notice, manager);
      }
      return record;
    });
    if (changed) {
      this.outbox.trigger();
      return toApplication(changed);
    }
    const current = (await this.operators.findByOwner(user.userId)) ?? throwIt(notStarted());
    throw new OperatorsException(
      'application_not_approved',
      current.status === 'submitted'
        ? 'Your application is being reviewed; the payout account can change once the review is done.'
        : `Your application is ${current.status}: change the payout account in onboarding (PUT /api/operator/onboarding/payout-account).`,
      { status: current.status },
    );
  }

  acceptTerms(user: UserPrincipal, version: string): Promise<OnboardingApplication> {
    if (version !== OPERATOR_TERMS_VERSION) {
      throw new OperatorsException('terms_version_mismatch', `The current terms are version ${OPERATOR_TERMS_VERSION}; please read and accept those.`, {
        currentVersion: OPERATOR_TERMS_VERSION,
      });
    }
    return this.editStep(user, () => this.operators.acceptTerms(user.userId, version));
  }

  async submit(user: UserPrincipal): Promise<OnboardingApplication> {
    const submitted = await this.operators.submit(user.userId);
    if (submitted) return toApplication(submitted);
    const current = (await this.operators.findByOwner(user.userId)) ?? throwIt(notStarted());
    if (current.status === 'submitted' || current.status === 'approved') throw locked(current.status);
    const missingSteps = missingStepsOf(current);
    throw new OperatorsException('application_incomplete', `Complete every step before submitting: ${missingSteps.join(', ')} missing.`, { missingSteps });
  }

  async listForReview(status: OperatorStatus, page: number, pageSize: number): Promise<Page<OperatorApplicationSummary>> {
    const { rows, total } = await this.operators.listByStatus(status, pageSize, (page - 1) * pageSize);
    return { items: rows.map(toSummary), page, pageSize, total };
  }

  async getForReview(id: string): Promise<OperatorApplicationSummary> {
    return toSummary((await this.operators.findWithOwner(id)) ?? throwIt(operatorNotFound()));
  }

  /** Admins only (the controller's role check): the queue is platform-wide. */
  async review(admin: UserPrincipal, id: string, decision: 'approved' | 'rejected', reason: string | null): Promise<OperatorApplicationSummary> {
    if (!(await this.operators.review(id, admin.userId, decision, reason?.trim() ?? null))) {
      const current = (await this.operators.findWithOwner(id)) ?? throwIt(operatorNotFound());
      throw new OperatorsException('application_not_submitted', `Only a submitted application can be reviewed; this one is ${current.status}.`, {
        status: current.status,
      });
    }
    return this.getForReview(id);
  }

  private async editStep(user: UserPrincipal, update: () => Promise<OperatorRecord | undefined>): Promise<OnboardingApplication> {
    const updated = await update();
    if (updated) return toApplication(updated);
    const current = (await this.operators.findByOwner(user.userId)) ?? throwIt(notStarted());
    throw locked(current.status);
  }
}

function throwIt(error: Error): never {
  throw error;
}

function operatorNotFound(): OperatorsException {
  return new OperatorsException('operator_not_found', 'No such operator application.');
}

function locked(status: OperatorStatus): OperatorsException {
  return new OperatorsException('application_locked', `The application is ${status} and can no longer be changed.`, { status });
}

function tidyCompany(company: OnboardingCompany): OnboardingCompany {
  return { legalName: company.legalName.trim(), displayName: company.displayName.trim(), taxId: company.taxId.replace(/\s+/g, ' ').trim().toUpperCase() };
}

function normalisePhone(phone: string): string {
  return phone.replace(/[\s().-]/g, '');
}

export function missingStepsOf(record: OperatorRecord): OnboardingStep[] {
  const done: Record<OnboardingStep, boolean> = {
    company: record.taxId !== null,
    contact: record.contactEmail !== null && record.contactPhone !== null,
    payoutAccount: record.payoutKind !== null,
    terms: record.termsAcceptedAt !== null,
  };
  return ONBOARDING_STEPS.filter((step) => !done[step]);
}

export function toApplication(r: OperatorRecord): OnboardingApplication {
  return {
    id: r.id,
    status: r.status,
    company: { legalName: r.legalName, displayName: r.displayName, taxId: r.taxId ?? '' },
    contact: r.contactEmail !== null && r.contactPhone !== null ? { email: r.contactEmail, phone: r.contactPhone } : null,
    payoutAccount:
      r.payoutKind !== null
        ? {
            kind: r.payoutKind,
            holderName: r.payoutHolderName ?? '',
            country: r.payoutCountry ?? '',
            bankHint: r.payoutBankHint ?? '',
            last4: r.payoutLast4 ?? '',
            display: maskedDisplay(r.payoutKind, r.payoutCountry ?? '', r.payoutLast4 ?? ''),
          }
        : null,
    terms: r.termsAcceptedAt !== null ? { version: r.termsVersion ?? '', acceptedAt: r.termsAcceptedAt.toISOString() } : null,
    missingSteps: missingStepsOf(r),
    rejectionReason: r.rejectionReason,
    payoutAccountChangedAt: r.payoutAccountChangedAt?.toISOString() ?? null,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

function toSummary(r: OperatorWithOwner): OperatorApplicationSummary {
  return { ...toApplication(r), owner: { id: r.ownerId, email: r.ownerEmail, name: r.ownerName } };
}
