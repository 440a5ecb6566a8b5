import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { readRuntimeConfig } from './app/config';
import { createAuthStore } from './features/auth/authStore';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html is missing #root');

const config = readRuntimeConfig();
// One store for the page's lifetime. Restoring starts before the first render
// so the first screen already knows a session is on its way.
const auth = createAuthStore({ authUrl: config.authUrl });
void auth.restore();

createRoot(root).render(
  <StrictMode>
    <App config={config} auth={auth} />
  </StrictMode>,
);
