// GraphiQL for the gateway, bundled by our own build (no CDN). The gateway
// serves this page at GET /graphql to a browser in development (when
// introspection is on) and its assets under /graphiql/; queries go to the
// same origin's /graphql, so the strict CSP's connect-src 'self' holds.

import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './workers';
import './page.css';

const DEFAULT_QUERY = `# Welcome to the MySpace 2.0 API.
#
# Run a query with Ctrl-Enter (Cmd-Enter on a Mac);
# the Docs button lists every type. Signed-in
# queries need an access token: add
#   {"Authorization": "Bearer <token>"}
# in the Headers tab below.

query LatestJobs {
  jobs {
    id
    title
    status
    createdAt
  }
}
`;

const root = document.getElementById('graphiql');
if (!root) throw new Error('index.html is missing #graphiql');

const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', window.location.href).href });

createRoot(root).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} />
  </StrictMode>,
);
