export type { SignInOptions, User } from './api.js';
export { changePassword, fetchCurrentUser, signIn, signOut } from './api.js';
export { ChangePasswordButton, ChangePasswordForm, PASSWORD_MIN_LENGTH } from './ChangePassword.js';
export { LoginPage } from './LoginPage.js';
export { loginErrorKey } from './login-errors.js';
export type { Role } from './roles.js';
export { isRole, knownRolesOf, ROLES } from './roles.js';
export type { SessionContextValue, SessionState } from './SessionProvider.js';
export { SessionProvider, useCurrentUser, useSession } from './SessionProvider.js';
