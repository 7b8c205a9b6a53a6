// The renderer bundle: loaded from disk by Electron (file://) and by the loopback bridge, so
// every asset path is relative and nothing is fetched from the network.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The build also runs inside the test setup, where NODE_ENV is 'test'; Vite would then emit
// development JSX and keep React's development build. A production build is always production.
const productionOnly = {
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  oxc: { jsx: { development: false } },
};

export default defineConfig(({ command, mode }) => ({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  ...(command === 'build' && mode === 'production' ? productionOnly : {}),
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Electron 45 ships Chromium 140; chrome120 also covers browser mode on older office PCs.
    target: 'chrome120',
    // Small icons may be inlined (the CSP allows data: images and fonts), nothing else.
    assetsInlineLimit: 4096,
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1' },
}));
