import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  // The session hint ("a session may exist") must not leak from one test to the next.
  localStorage.clear();
});

// jsdom has no layout; the app scrolls to the top on navigation.
window.scrollTo = () => undefined;
