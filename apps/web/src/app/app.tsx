import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { RouterProvider as AriaRouterProvider } from 'react-aria-components';
import { BrowserRouter, useHref, useNavigate, useRoutes } from 'react-router';
import { queryClient } from '../api/query-client';
import { session } from '../api/session';
import { routes } from './routes';

/** The pages by address; React Aria's links and buttons with `href` navigate through the router too. */
function Pages() {
  const navigate = useNavigate();
  return (
    <AriaRouterProvider navigate={(to) => void navigate(to)} useHref={useHref}>
      {useRoutes(routes)}
    </AriaRouterProvider>
  );
}

export function App() {
  useEffect(() => void session.restore(), []);
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Pages />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
