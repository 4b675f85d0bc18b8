// SPDX-License-Identifier: EUPL-1.2
// Entry point of the web app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './theme/components.css';
import './theme/tokens.css';
import './theme/app.css';
import { App } from './App.js';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
