import { Navigate, Outlet, useLocation, type RouteObject } from 'react-router';
import type { Role } from '../../../shared/api/index';
import { homePathFor, useAuth } from './auth';
import { ConsoleLayout } from './layout/console-layout';
import { ForbiddenPage, NotFoundPage, RouteErrorPage, SessionCheckPage } from './layout/status-pages';
import { roleForPath, screens, signInPage as SignInPage } from './screens';

/** Where the sign-in page sends the user back to after a redirect (kept in the history state). */
export interface SignInState {
  from?: string;
}

/** Lets signed-in users of the right role through; sends others to sign in (and back afterwards). */
function RequireRole({ role }: { role: Role }) {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'checking') return <SessionCheckPage />;
  if (state.status === 'signed-out') {
    // After a deliberate sign-out there is nowhere to go back to.
    const signInState: SignInState | undefined =
      state.endReason === 'signed-out' ? undefined : { from: location.pathname + location.search };
    return <Navigate to="/sign-in" replace state={signInState} />;
  }
  if (state.session.user.role !== role) return <ForbiddenPage role={role} />;
  return <Outlet />;
}

/** The sign-in form; once signed in, back to where the session ended if that screen is for this role, else the role's start page. */
function SignInRoute() {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status !== 'signed-in') return <SignInPage />;
  const from = (location.state as SignInState | null)?.from;
  const role = state.session.user.role;
  const target = from && roleForPath(from.split('?')[0] ?? '') === role ? from : homePathFor(role);
  return <Navigate to={target} replace />;
}

function Home() {
  const { state } = useAuth();
  if (state.status === 'checking') return <SessionCheckPage />;
  return <Navigate to={state.status === 'signed-in' ? homePathFor(state.session.user.role) : '/sign-in'} replace />;
}

/** The console's routes; main.tsx mounts them in a hash router (Electron loads the console from file://). */
export function createRoutes(): RouteObject[] {
  const byRole = (role: Role): RouteObject => ({
    element: <RequireRole role={role} />,
    children: screens
      .filter((s) => s.role === role)
      .map((s) =>
        s.load
          ? { path: s.path, lazy: async () => ({ Component: await s.load() }) }
          : { path: s.path, Component: s.page },
      ),
  });
  return [
    {
      path: '/',
      element: <ConsoleLayout />,
      errorElement: <RouteErrorPage />,
      children: [
        { index: true, element: <Home /> },
        { path: 'sign-in', element: <SignInRoute /> },
        byRole('agent'),
        byRole('supervisor'),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}
