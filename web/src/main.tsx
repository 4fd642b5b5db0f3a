import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AppProviders } from './app/providers';
import { router } from './app/router';
import { restoreSession } from './lib/session';
import './styles.css';

// Started before the first render and outside React, so StrictMode's double effects cannot
// send the rotating refresh token twice.
void restoreSession();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
