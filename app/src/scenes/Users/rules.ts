/** Mirrors the server's rules (server/routes/users.ts and its password policy). */
export const USERNAME_PATTERN = /^[A-Za-z0-9._@-]+$/;
export const MIN_PASSWORD_LENGTH = 10;
