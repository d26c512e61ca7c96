import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CHANNEL, PRELOAD_GLOBAL, type PreloadBridge } from '../shared/ipc/bridge.ts';

/** The page gets exactly this: one message channel to the core, nothing of Node or Electron. */
const bridge: PreloadBridge = {
  send: (message) => ipcRenderer.send(IPC_CHANNEL, message),
  onMessage(handler) {
    const listener = (_event: IpcRendererEvent, message: unknown) => handler(message);
    ipcRenderer.on(IPC_CHANNEL, listener);
    return () => {
      ipcRenderer.off(IPC_CHANNEL, listener);
    };
  },
};

contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, bridge);
