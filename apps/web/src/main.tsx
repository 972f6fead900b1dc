import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { loadOrganization } from './ui/format';
import './styles.css';

performance.mark('commons:boot');
// Dates on every screen are in the organization's time zone and language: asked for now, in
// parallel with the session's first calls; no screen is drawn before the answer (see App).
void loadOrganization();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
