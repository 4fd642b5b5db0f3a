export { ResendVerificationButton } from './resend-verification-button';
export { resendVerification, useResendVerification } from './resend-verification';
