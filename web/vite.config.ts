import { defineConfig } from 'vite'
import preact from '@preact/preset-vite'

// Built into web/dist and served by `relais serve` at `/`; everything is bundled (no CDN).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [preact()],
  build: { outDir: 'dist', emptyOutDir: true, assetsDir: 'assets', sourcemap: false, chunkSizeWarningLimit: 800 },
})
