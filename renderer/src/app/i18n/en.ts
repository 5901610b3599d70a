import type { Catalogue } from './catalogue';

// English catalogue: `satisfies Catalogue` makes the compiler demand exactly Danish's keys.
export const en = {
  app: {
    productName: 'MitID Support Console',
    skipToContent: 'Skip to content',
    apiVersion: 'Support API {{version}} · database: {{database}}',
    loading: 'Loading…',
    sandboxBanner: 'SANDBOX — synthetic data',
    sandboxBannerDetail: 'No real people. No codes are sent.',
  },
  nav: {
    label: 'Main menu',
    newCall: 'New call',
    myCalls: 'My calls',
    verificationLog: 'Verification log',
    watch: 'Watch',
    policy: 'Policy',
    integrity: 'Integrity',
    personAccessLog: 'Person access log',
    cosign: 'Co-sign',
    cosignWaiting: '{{count}} waiting for co-sign',
    trainer: 'Trainer',
  },
  language: {
    label: 'Language',
    da: 'Dansk',
    en: 'English',
  },
  settings: {
    lockedByIt: 'Set by your IT department',
  },
  theme: {
    label: 'Colour theme',
    light: 'Light',
    dark: 'Dark',
    system: 'Same as system',
  },
  session: {
    signedInAs: 'Signed in as {{name}}',
    roles: {
      agent: 'Support agent',
      supervisor: 'Supervisor',
    },
    signOut: 'Sign out',
    checking: 'Checking your session…',
  },
  connection: {
    title: 'No connection to the Support API',
    unreachable: 'The Support API does not answer. Check the network or whether the service is running.',
    unavailable: 'The Support API is temporarily unavailable.',
    other: 'The Support API answered with an error: {{message}}',
    detail: 'Details: {{message}}',
    retry: 'Retry',
    retrying: 'Retrying…',
  },
  errors: {
    unreachable: 'The Support API could not be reached. Try again shortly.',
    unavailable: 'The service is temporarily unavailable. Try again shortly.',
    unauthenticated: 'Your session has ended. Sign in again.',
    forbidden: 'Your role may not do this.',
    rateLimited: 'Too many attempts. Wait a moment and try again.',
    generic: 'Something went wrong ({{code}}). Try again.',
  },
  signIn: {
    title: 'Sign in',
    intro: 'Sign in with your support console account.',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    sessionExpired: 'Your session has ended. Sign in again to continue where you were.',
    demoHint: 'Sandbox: use one of the demo accounts (agent or supervisor) from the README.',
    training: 'Training console: no managed configuration is installed on this PC, so the console works on its built-in sandbox with synthetic people. To work on your centre’s Support API, ask your IT department.',
    validation: {
      usernameRequired: 'Enter your username.',
      usernameTooLong: 'The username can be at most 64 characters.',
      passwordRequired: 'Enter your password.',
      passwordTooLong: 'The password can be at most 256 characters.',
    },
    failed: {
      invalidCredentials: 'Wrong username or password.',
      locked: 'The account is temporarily locked after too many attempts. Wait, or contact a supervisor.',
    },
  },
  notFound: {
    title: 'Page not found',
    body: 'There is no screen at this address.',
    home: 'Go to the start page',
  },
  forbidden: {
    title: 'Not available for your role',
    body: 'This screen needs the {{role}} role.',
    home: 'Go to your start page',
  },
} as const satisfies Catalogue;
