/** The operating system says the machine woke up (Electron's powerMonitor); browser mode has none. */
export interface PowerEvents {
  onResume(listener: () => void): () => void;
}
