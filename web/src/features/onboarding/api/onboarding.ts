import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AcceptTermsRequest,
  ChangePayoutAccountRequest,
  OnboardingApplication,
  OnboardingCompany,
  OnboardingContact,
  PayoutAccountInput,
} from '@aiparksit/shared';
import { api, unwrap } from '../../../lib/api-client';
import { ApiError } from '../../../lib/api-error';

export const onboardingKeys = { application: ['operator', 'onboarding'] as const };

/**
 * GET /api/operator/onboarding: the caller's application, or null when none was started
 * (the API answers 404 then, which here is a state rather than an error).
 */
export async function getApplication(signal?: AbortSignal): Promise<OnboardingApplication | null> {
  try {
    return await unwrap(api.GET('/api/operator/onboarding', { signal }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function applicationOptions() {
  return queryOptions({ queryKey: onboardingKeys.application, queryFn: ({ signal }) => getApplication(signal) });
}

export function useApplication() {
  return useQuery(applicationOptions());
}

/** The company step starts the application (POST) or changes it (PUT). */
export function saveCompany(company: OnboardingCompany, started: boolean): Promise<OnboardingApplication> {
  return started ? unwrap(api.PUT('/api/operator/onboarding/company', { body: company })) : unwrap(api.POST('/api/operator/onboarding', { body: { company } }));
}

export function saveContact(contact: OnboardingContact): Promise<OnboardingApplication> {
  return unwrap(api.PUT('/api/operator/onboarding/contact', { body: contact }));
}

export function savePayoutAccount(account: PayoutAccountInput): Promise<OnboardingApplication> {
  return unwrap(api.PUT('/api/operator/onboarding/payout-account', { body: account }));
}

/** PUT /api/operator/payout-account: after approval, with the current password; the owner is emailed. */
export function changePayoutAccount(body: ChangePayoutAccountRequest): Promise<OnboardingApplication> {
  return unwrap(api.PUT('/api/operator/payout-account', { body }));
}

export function acceptTerms(body: AcceptTermsRequest): Promise<OnboardingApplication> {
  return unwrap(api.PUT('/api/operator/onboarding/terms', { body }));
}

export function submitApplication(): Promise<OnboardingApplication> {
  return unwrap(api.POST('/api/operator/onboarding/submit'));
}

/** A step's mutation: the saved application replaces the cached one. */
export function useOnboardingStep<TInput>(save: (input: TInput) => Promise<OnboardingApplication>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: save,
    onSuccess: (application) => {
      queryClient.setQueryData(onboardingKeys.application, application);
      // The dashboard's 404-before-onboarding turns into a summary once an application exists.
      void queryClient.invalidateQueries({ queryKey: ['operator', 'dashboard'] });
    },
  });
}
