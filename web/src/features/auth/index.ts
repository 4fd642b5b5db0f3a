export { LoginPage } from './components/login-page';
export { RegisterPage } from './components/register-page';
export { VerifyEmailPage } from './components/verify-email-page';
export { useLogin, login } from './api/login';
export { useRegister, register } from './api/register';
export { useVerifyEmail, verifyEmail } from './api/verify-email';
export { useLogout, signOut } from './api/logout';
export { InvitationPage } from './components/invitation-page';
