import type { ComponentType } from 'react';
import { matchPath } from 'react-router';
import type { Role } from '../../../shared/api/index';
import { SignInPage } from '../features/sign-in/sign-in-page';

// The screen registry: the one module of app/ that imports features (the linter holds app/ to it).
// The sign-in form and the idle lock are part of the first load; every other screen is a lazy chunk.
export { IdleLock } from '../features/lock/idle-lock';
export const signInPage: ComponentType = SignInPage;

/** A key of the `nav` section of the catalogues. */
export type NavKey = 'newCall' | 'myCalls' | 'verificationLog' | 'cosign' | 'watch' | 'policy' | 'integrity' | 'personAccessLog' | 'trainer';

/**
 * One signed-in screen: its address, menu label, who may open it, and its page component.
 * `load` makes the route lazy (its code is a separate chunk fetched on first visit): supervisor
 * screens use it so the agent's initial bundle stays small. Add a screen here and it gets a route,
 * a menu entry for its role, the role guard and the sign-in redirect.
 */
export type Screen = {
  path: string;
  navKey: NavKey;
  role: Role;
  /** No menu entry: the screen is opened from another one (e.g. one verification from the log). */
  hidden?: boolean;
  /** A menu entry only while the Support API runs on the sandbox register (getHealth `sandbox`). */
  sandboxOnly?: boolean;
} & (
  | { page: ComponentType; load?: never }
  | { load: () => Promise<ComponentType>; page?: never }
);

export const screens: readonly Screen[] = [
  // Agent screens are lazy too: the first load is the sign-in form only (budget < 250 KB gzip).
  {
    path: '/call/new',
    navKey: 'newCall',
    role: 'agent',
    load: () => import('../features/new-call/new-call-page').then((m) => m.NewCallPage),
  },
  {
    path: '/calls',
    navKey: 'myCalls',
    role: 'agent',
    load: () => import('../features/my-calls/my-calls-page').then((m) => m.MyCallsPage),
  },
  {
    path: '/supervisor/log',
    navKey: 'verificationLog',
    role: 'supervisor',
    load: () => import('../features/verification-log/verification-log-page').then((m) => m.VerificationLogPage),
  },
  {
    path: '/supervisor/cosign',
    navKey: 'cosign',
    role: 'supervisor',
    load: () => import('../features/cosign-queue/cosign-queue-page').then((m) => m.CosignQueuePage),
  },
  {
    path: '/supervisor/verifications/:id',
    navKey: 'verificationLog',
    role: 'supervisor',
    hidden: true,
    load: () => import('../features/verification-detail/verification-detail-page').then((m) => m.VerificationDetailPage),
  },
  {
    path: '/supervisor/person-access-log',
    navKey: 'personAccessLog',
    role: 'supervisor',
    load: () => import('../features/person-access-log/person-access-log-page').then((m) => m.PersonAccessLogPage),
  },
  {
    path: '/supervisor/watch',
    navKey: 'watch',
    role: 'supervisor',
    load: () => import('../features/watch/watch-page').then((m) => m.WatchPage),
  },
  {
    path: '/supervisor/policy',
    navKey: 'policy',
    role: 'supervisor',
    load: () => import('../features/policy/policy-page').then((m) => m.PolicyPage),
  },
  {
    path: '/supervisor/integrity',
    navKey: 'integrity',
    role: 'supervisor',
    load: () => import('../features/integrity/integrity-page').then((m) => m.IntegrityPage),
  },
  {
    path: '/supervisor/trainer',
    navKey: 'trainer',
    role: 'supervisor',
    sandboxOnly: true,
    load: () => import('../features/trainer/trainer-person-page').then((m) => m.TrainerPersonPage),
  },
];

/** The role a path belongs to, or undefined for paths outside the screens (sign-in, unknown). */
export function roleForPath(pathname: string): Role | undefined {
  return screens.find((s) => matchPath(s.path, pathname))?.role;
}
