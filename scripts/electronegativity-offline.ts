import { registerHooks } from 'node:module';

// Loaded with --import before Electronegativity: its `got` requests (fresh translations, the
// Electron release list) fail at once instead of timing out and retrying. Offline, got 11's retry
// crashes on Node 24, and tests must never reach the network anyway.
const OFFLINE_GOT = 'ringside:offline-got';
registerHooks({
  resolve(specifier, context, nextResolve) {
    return specifier === 'got' ? { url: OFFLINE_GOT, format: 'commonjs', shortCircuit: true } : nextResolve(specifier, context);
  },
  load(url, context, nextLoad) {
    return url === OFFLINE_GOT
      ? { format: 'commonjs', source: "module.exports = () => Promise.reject(new Error('offline: the checks never reach the network'));", shortCircuit: true }
      : nextLoad(url, context);
  },
});
