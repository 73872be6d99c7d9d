import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { PRODUCT_NAME } from '../common/product';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <main style={{ font: '14px system-ui', color: '#d7dde6', background: '#0b0e13', padding: 24 }}>
        <h1>{PRODUCT_NAME}</h1>
        <p>The camera wall arrives with the station.</p>
      </main>
    </StrictMode>,
  );
}
