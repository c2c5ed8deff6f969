import { createBrowserRouter, RouterProvider } from 'react-router';
import { HealthPanel } from './features/health/HealthPanel';
import { Layout } from './layout/Layout';

const router = createBrowserRouter([
  {
    path: '/',
    element: <Layout />,
    children: [{ index: true, element: <HealthPanel /> }],
  },
]);

export const App = () => <RouterProvider router={router} />;
