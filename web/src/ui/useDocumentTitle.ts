import { useEffect } from 'react';

const SITE = 'MySpace 2.0';

/** Sets the tab title for a page; the landing page keeps the full site title. */
export function useDocumentTitle(page?: string) {
  useEffect(() => {
    document.title = page ? `${page} · ${SITE}` : `${SITE} — Freelance marketplace`;
  }, [page]);
}
