import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProviders } from './components/AppProviders.tsx';
import { startLocale } from './lib/locale.ts';
import { queryClient } from './lib/trpc.ts';
import { router } from './router.tsx';
import './styles.css';

// the first render waits for the language's words (one small chunk, fetched beside the route's)
void startLocale().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <AppProviders>
          <RouterProvider router={router} />
        </AppProviders>
      </QueryClientProvider>
    </StrictMode>,
  ),
);
