import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHashRouter } from 'react-router';
import { ConsoleApp } from './app/console-app';
import { getConsoleApi } from './app/console-api';
import { createConsoleI18n } from './app/i18n/i18n';
import { createRoutes } from './app/routes';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');
// Hash routing: the console is one document (app://console/index.html in Electron); path URLs would name other files.
const router = createHashRouter(createRoutes());
createRoot(container).render(
  <StrictMode>
    <ConsoleApp api={getConsoleApi()} i18n={createConsoleI18n()} router={router} />
  </StrictMode>,
);
