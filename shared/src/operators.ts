import type { BookingStatus } from './bookings.js';

/** Where an operator's application stands; only `approved` operators appear in the marketplace. */
export const OPERATOR_STATUSES = ['draft', 'submitted', 'approved', 'rejected'] as const;
export type OperatorStatus = (typeof OPERATOR_STATUSES)[number];

/** The steps of the onboarding application, in the order the wizard shows them. */
export const ONBOARDING_STEPS = ['company', 'contact', 'payoutAccount', 'terms'] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

/** The version of the operator terms the wizard shows; accepting sends it back. */
export const OPERATOR_TERMS_VERSION = '2026-01';

export interface OnboardingCompany {
  legalName: string;
  displayName: string;
  /** VAT or tax number as printed on the company's papers. */
  taxId: string;
}

export interface OnboardingContact {
  email: string;
  /** E.164 after normalising, e.g. +4930123456. */
  phone: string;
}

/** A payout account as entered: an IBAN, or a US routing (ABA) and account number. */
export type PayoutAccountInput =
  { kind: 'iban'; holderName: string; iban: string } | { kind: 'us_ach'; holderName: string; routingNumber: string; accountNumber: string };

/** What is kept of a payout account: never the full number. */
export interface MaskedPayoutAccount {
  kind: 'iban' | 'us_ach';
  holderName: string;
  /** ISO country code: the IBAN's own, or US. */
  country: string;
  /** The bank, without the account: the IBAN's bank code, or the ABA routing number. */
  bankHint: string;
  last4: string;
  /** For display: `DE•• •••• •••• •••• 3000`, `US ••••6789`. */
  display: string;
}

/**
 * `PUT /api/operator/payout-account`: an approved operator's new payout account. The current
 * password is asked again because a hijacked session must not be able to redirect payouts.
 */
export type ChangePayoutAccountRequest = PayoutAccountInput & { currentPassword: string };

export interface AcceptTermsRequest {
  accepted: true;
  version: string;
}

export interface OnboardingApplication {
  id: string;
  status: OperatorStatus;
  company: OnboardingCompany;
  contact: OnboardingContact | null;
  payoutAccount: MaskedPayoutAccount | null;
  terms: { version: string; acceptedAt: string } | null;
  /** Steps still to complete before the application can be submitted. */
  missingSteps: OnboardingStep[];
  rejectionReason: string | null;
  /** When an approved operator last changed the payout account (null: the reviewed one). */
  payoutAccountChangedAt: string | null;
  submittedAt: string | null;
  reviewedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** `POST /api/operator/onboarding` starts the application with its first step. */
export interface StartOnboardingRequest {
  company: OnboardingCompany;
}

/** An application in the admin queue, with the account that applied. */
export interface OperatorApplicationSummary extends OnboardingApplication {
  owner: { id: string; email: string; name: string };
}

export interface RejectOperatorRequest {
  reason: string;
}

/** `GET /api/proxy/operator`: the signed-in operator's dashboard. */
export interface OperatorDashboard {
  operator: { id: string; displayName: string; status: OperatorStatus };
  generatedAt: string;
  facilities: OperatorDashboardFacility[];
  occupancyNow: { occupied: number; capacity: number; percent: number };
  /** Per currency; "today" and "this month" are judged in each facility's time zone. */
  revenue: { currency: string; todayGrossCents: number; todayNetCents: number; monthGrossCents: number; monthNetCents: number }[];
  today: { arrivals: number; departures: number };
  recentBookings: OperatorDashboardBooking[];
}

export interface OperatorDashboardFacility {
  id: string;
  name: string;
  city: string;
  timeZone: string;
  published: boolean;
  /** Active spaces. */
  capacity: number;
  /** Spaces held by a confirmed booking right now. */
  occupiedNow: number;
}

export interface OperatorDashboardBooking {
  id: string;
  code: string;
  facilityId: string;
  facilityName: string;
  status: BookingStatus;
  start: string;
  end: string;
  vehiclePlate: string;
  amountCents: number;
  currency: string;
  createdAt: string;
}
