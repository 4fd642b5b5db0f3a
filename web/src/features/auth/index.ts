export { LoginPage } from './components/login-page';
export { RegisterPage } from './components/register-page';
export { VerifyEmailPage } from './components/verify-email-page';
export { ResendVerificationButton } from './components/resend-verification';
export { useLogin, login } from './api/login';
export { useRegister, register } from './api/register';
export { useVerifyEmail, verifyEmail, useResendVerification, resendVerification } from './api/verify-email';
export { useLogout, signOut } from './api/logout';
export { useFormErrors } from './components/use-form-errors';
