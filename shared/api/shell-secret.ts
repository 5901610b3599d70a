/** Header of the desktop shell's per-launch secret for its embedded Support API (server/http/embedded-guard.ts). */
export const shellSecretHeader = 'x-console-shell-secret';
