export { LoginPage } from './components/login-page';
export { RegisterPage } from './components/register-page';
export { useLogin, login } from './api/login';
export { useRegister, register } from './api/register';
export { useLogout, signOut } from './api/logout';
