import { Navigate, createBrowserRouter } from 'react-router';
import { AccountPage } from '../features/account';
import { AdminHome } from '../features/admin';
import { LoginPage, RegisterPage } from '../features/auth';
import { DriverHome } from '../features/driver';
import { InvestorHome } from '../features/investor';
import { OperatorHome } from '../features/operator';
import { PublicLayout } from './layout/public-layout';
import { PublicOnly, RequireSession, RoleSection } from './routes/guards';
import { NotFoundPage, RouteErrorPage } from './routes/status-pages';

export const router = createBrowserRouter([
  {
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <PublicOnly />,
        children: [
          {
            element: <PublicLayout />,
            children: [
              // `/` is the sign-in page for visitors; a signed-in person is sent to their home.
              { index: true, element: <LoginPage /> },
              { path: 'login', element: <LoginPage /> },
              { path: 'register', element: <RegisterPage /> },
            ],
          },
        ],
      },
      {
        element: <RequireSession />,
        children: [
          { path: 'driver', element: <RoleSection role="driver" render={(user) => <DriverHome user={user} />} /> },
          { path: 'operator', element: <RoleSection role="operator" render={(user) => <OperatorHome user={user} />} /> },
          { path: 'investor', element: <RoleSection role="investor" render={(user) => <InvestorHome user={user} />} /> },
          { path: 'admin', element: <RoleSection role="admin" render={(user) => <AdminHome user={user} />} /> },
          { path: 'account', element: <AccountPage /> },
        ],
      },
      { path: 'home', element: <Navigate to="/" replace /> },
      { element: <PublicLayout />, children: [{ path: '*', element: <NotFoundPage /> }] },
    ],
  },
]);
