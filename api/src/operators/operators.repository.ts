import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type Repository } from 'typeorm';
import type { MaskedPayoutAccount, OnboardingCompany, OnboardingContact, OperatorStatus } from '@aiparksit/shared';
import { changedRows, isUniqueViolation } from '../database/index.js';
import { OperatorEntity } from './operator.entity.js';
import type { OperatorRecord, OperatorWithOwner } from './operator.record.js';

const COLUMNS = `
  o.id, o.owner_id AS "ownerId", o.status, o.legal_name AS "legalName", o.display_name AS "displayName", o.tax_id AS "taxId",
  o.contact_email AS "contactEmail", o.contact_phone AS "contactPhone",
  o.payout_kind AS "payoutKind", o.payout_holder_name AS "payoutHolderName", o.payout_country AS "payoutCountry",
  o.payout_bank_hint AS "payoutBankHint", o.payout_last4 AS "payoutLast4",
  o.terms_version AS "termsVersion", o.terms_accepted_at AS "termsAcceptedAt",
  o.rejection_reason AS "rejectionReason", o.payout_account_changed_at AS "payoutAccountChangedAt", o.submitted_at AS "submittedAt", o.reviewed_at AS "reviewedAt",
  o.created_at AS "createdAt", o.updated_at AS "updatedAt"`;

// A step may change the application while it is a draft, or after a rejection (which makes it a
// draft again). Submitted and approved applications are frozen.
const EDITABLE = `o.status IN ('draft', 'rejected')`;

/**
 * Operators and their onboarding applications. Reading and creating an application go through
 * the entity; the step updates stay SQL, because each is one conditional UPDATE … RETURNING that
 * decides whether the application may still change (a read-then-write would race a submit).
 */
@Injectable()
export class OperatorsRepository {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(OperatorEntity) private readonly operators: Repository<OperatorEntity>,
  ) {}

  async findByOwner(ownerId: string): Promise<OperatorRecord | undefined> {
    return (await this.operators.findOneBy({ ownerId })) ?? undefined;
  }

  async findWithOwner(id: string): Promise<OperatorWithOwner | undefined> {
    const rows: OperatorWithOwner[] = await this.dataSource.query(
      `SELECT ${COLUMNS}, u.email AS "ownerEmail", u.name AS "ownerName" FROM operators o JOIN users u ON u.id = o.owner_id WHERE o.id = $1`,
      [id],
    );
    return rows[0];
  }

  /** A new draft; undefined when the owner already has an application (unique owner_id). */
  async insertDraft(ownerId: string, company: OnboardingCompany): Promise<OperatorRecord | undefined> {
    try {
      const { identifiers } = await this.operators.insert({
        ownerId,
        legalName: company.legalName,
        displayName: company.displayName,
        taxId: company.taxId,
        status: 'draft',
      });
      return await this.operators.findOneByOrFail({ id: (identifiers[0] as { id: string }).id });
    } catch (error) {
      if (isUniqueViolation(error, 'operators_owner_key')) return undefined;
      throw error;
    }
  }

  updateCompany(ownerId: string, company: OnboardingCompany): Promise<OperatorRecord | undefined> {
    return this.updateStep(ownerId, `legal_name = $2, display_name = $3, tax_id = $4`, [company.legalName, company.displayName, company.taxId]);
  }

  updateContact(ownerId: string, contact: OnboardingContact): Promise<OperatorRecord | undefined> {
    return this.updateStep(ownerId, `contact_email = $2, contact_phone = $3`, [contact.email, contact.phone]);
  }

  updatePayoutAccount(ownerId: string, account: MaskedPayoutAccount): Promise<OperatorRecord | undefined> {
    return this.updateStep(ownerId, `payout_kind = $2, payout_holder_name = $3, payout_country = $4, payout_bank_hint = $5, payout_last4 = $6`, [
      account.kind,
      account.holderName,
      account.country,
      account.bankHint,
      account.last4,
    ]);
  }

  /** Runs `work` in one transaction, so a change and the messages reporting it commit together. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * An approved operator's new payout account (masked, as always), with the time of the change.
   * Undefined when the caller has no approved application.
   */
  async changeApprovedPayoutAccount(manager: EntityManager, ownerId: string, account: MaskedPayoutAccount): Promise<OperatorRecord | undefined> {
    const rows = await changedRows<OperatorRecord>(
      manager,
      `UPDATE operators o
          SET payout_kind = $2, payout_holder_name = $3, payout_country = $4, payout_bank_hint = $5, payout_last4 = $6,
              payout_account_changed_at = now(), updated_at = now()
        WHERE o.owner_id = $1 AND o.status = 'approved'
        RETURNING ${COLUMNS}`,
      [ownerId, account.kind, account.holderName, account.country, account.bankHint, account.last4],
    );
    return rows[0];
  }

  acceptTerms(ownerId: string, version: string): Promise<OperatorRecord | undefined> {
    return this.updateStep(ownerId, `terms_version = $2, terms_accepted_at = now()`, [version]);
  }

  /** Undefined when there is no editable application (none, or submitted/approved). */
  private async updateStep(ownerId: string, assignments: string, params: unknown[]): Promise<OperatorRecord | undefined> {
    const rows = await changedRows<OperatorRecord>(
      this.dataSource,
      `UPDATE operators o SET ${assignments}, status = 'draft', updated_at = now() WHERE o.owner_id = $1 AND ${EDITABLE} RETURNING ${COLUMNS}`,
      [ownerId, ...params],
    );
    return rows[0];
  }

  /** Draft → submitted, only when every step is there; the same rule as the service's check, in SQL. */
  async submit(ownerId: string): Promise<OperatorRecord | undefined> {
    const rows = await changedRows<OperatorRecord>(
      this.dataSource,
      `UPDATE operators o SET status = 'submitted', submitted_at = now(), rejection_reason = NULL, updated_at = now()
        WHERE o.owner_id = $1 AND ${EDITABLE}
          AND o.tax_id IS NOT NULL AND o.contact_email IS NOT NULL AND o.contact_phone IS NOT NULL
          AND o.payout_kind IS NOT NULL AND o.terms_accepted_at IS NOT NULL
        RETURNING ${COLUMNS}`,
      [ownerId],
    );
    return rows[0];
  }

  /** submitted → approved/rejected; undefined when the application is not (or no longer) submitted. */
  async review(id: string, reviewerId: string, decision: Extract<OperatorStatus, 'approved' | 'rejected'>, reason: string | null): Promise<boolean> {
    const [, count] = (await this.dataSource.query(
      `UPDATE operators o SET status = $3::operator_status, rejection_reason = $4, reviewed_at = now(), reviewed_by = $2, updated_at = now()
        WHERE o.id = $1 AND o.status = 'submitted'`,
      [id, reviewerId, decision, reason],
    )) as [unknown, number];
    return count === 1;
  }

  async listByStatus(status: OperatorStatus, limit: number, offset: number): Promise<{ rows: OperatorWithOwner[]; total: number }> {
    const rows: (OperatorWithOwner & { total: string })[] = await this.dataSource.query(
      `SELECT ${COLUMNS}, u.email AS "ownerEmail", u.name AS "ownerName", count(*) OVER () AS total
         FROM operators o JOIN users u ON u.id = o.owner_id
        WHERE o.status = $1::operator_status
        ORDER BY o.submitted_at NULLS LAST, o.created_at, o.id
        LIMIT $2 OFFSET $3`,
      [status, limit, offset],
    );
    return { rows, total: rows.length > 0 ? Number(rows[0]!.total) : 0 };
  }
}
