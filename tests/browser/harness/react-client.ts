// The React page's client bundle: hydrates the server-rendered article and records any hydration error.
import { createElement } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { App } from './react-app.ts';

declare global {
  interface Window {
    hydrationErrors: string[];
    hydrated: boolean;
    paragraphs: string[];
  }
}

window.hydrationErrors = [];
const container = document.getElementById('root');
if (container) {
  hydrateRoot(container, createElement(App, { paragraphs: window.paragraphs }), {
    onRecoverableError: (error) => window.hydrationErrors.push(String(error)),
  });
  window.hydrated = true;
}
