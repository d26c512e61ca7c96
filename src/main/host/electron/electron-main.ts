import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeImage, powerMonitor, protocol, session, Tray, type IpcMainEvent, type WebContents } from 'electron';
import { IPC_CHANNEL, MEDIA_PROTOCOL } from '../../../shared/ipc/bridge.ts';
import type { RpcPort } from '../../../shared/ipc/rpc-protocol.ts';
import { newlyRinging } from '../../../shared/phone/newly-ringing.ts';
import { startApp } from '../../app/start-app.ts';
import { mediaResponse } from '../media-response.ts';
import { createSafeStorageRecordingKeyStore } from './safe-storage-recording-key-store.ts';
import { handleHeadsetPermission } from './headset-permission.ts';
import type { PowerEvents } from '../../app/power-events.ts';
import { createSafeStorageSecretStore } from './safe-storage-secret-store.ts';

/** The desktop shell: one window, one IPC channel, the same core as browser mode. */
const rendererIndex = join(import.meta.dirname, '../renderer/index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;
const preload = join(import.meta.dirname, '../preload/index.cjs');


const power: PowerEvents = {
  onResume(listener) {
    powerMonitor.on('resume', listener);
    return () => powerMonitor.off('resume', listener);
  },
};

function isOwnFrame(event: IpcMainEvent, contents: WebContents): boolean {
  return event.sender === contents && event.senderFrame?.url.split('#')[0] === rendererUrl && event.senderFrame === contents.mainFrame;
}

// Recordings stream to the player with byte ranges, like the HTTP route of browser mode.
protocol.registerSchemesAsPrivileged([{ scheme: MEDIA_PROTOCOL, privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true } }]);

async function main(): Promise<void> {
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((contents, permission, callback) => {
    callback(permission === 'media' && contents.getURL().startsWith(rendererUrl));
  });
  // The microphone, and headset buttons (WebHID) once a headset is chosen; only for Ringside's own page.
  session.defaultSession.setPermissionCheckHandler((contents, permission) => (permission === 'media' || permission === 'hid') && (contents?.getURL().startsWith(rendererUrl) ?? false));

  const started = await startApp({
    argv: process.argv.slice(app.isPackaged ? 1 : 2),
    userDataDir: app.getPath('userData'),
    power,
    createSecrets: (dataDir) => Promise.resolve(createSafeStorageSecretStore(dataDir)),
    createRecordingKeys: createSafeStorageRecordingKeyStore,
    // Built into out/main, the core cannot find resources/ from where its own code sits: the shell says where they are.
    resourcesDir: app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources'),
  });
  handleHeadsetPermission(session.defaultSession, started.dataDir, (origin) => origin.startsWith('file://'));
  protocol.handle(MEDIA_PROTOCOL, async (request) => {
    const url = new URL(request.url);
    return mediaResponse(await started.core.resolveMedia(decodeURIComponent(`${url.host}${url.pathname}`)), request.headers.get('range'));
  });

  // An autostart entry passes --minimized: Ringside starts in the tray and still takes calls.
  const startHidden = process.argv.includes('--minimized');
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'Ringside',
    show: !startHidden,
    webPreferences: { preload, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, spellcheck: false, disableBlinkFeatures: 'Auxclick' },
  });
  const contents = window.webContents;
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));

  const handlers = new Set<(message: unknown) => void>();
  const port: RpcPort = {
    send: (message) => {
      if (!contents.isDestroyed()) contents.send(IPC_CHANNEL, message);
    },
    onMessage(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
  };
  const onIpc = (event: IpcMainEvent, message: unknown) => {
    if (!isOwnFrame(event, contents)) return;
    for (const handler of handlers) handler(message);
  };
  ipcMain.on(IPC_CHANNEL, onIpc);
  let detach = started.core.attachClient(port);
  contents.on('did-start-loading', () => {
    detach();
    detach = started.core.attachClient(port);
  });
  window.on('closed', () => {
    ipcMain.off(IPC_CHANNEL, onIpc);
    detach();
  });
  const bringForward = () => {
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  // A softphone keeps ringing when its window is closed: closing hides it to the tray; Quit quits.
  let quitting = false;
  const tray = new Tray(nativeImage.createFromPath(join(started.resourcesDir, 'icon.png')));
  tray.setToolTip('Ringside');
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Show Ringside', click: bringForward },
      { type: 'separator' },
      {
        label: 'Quit Ringside',
        click: () => {
          quitting = true;
          app.quit();
        },
      },
    ]),
  );
  tray.on('click', bringForward);
  app.on('before-quit', () => {
    quitting = true;
  });
  window.on('close', (event) => {
    if (quitting) return;
    event.preventDefault();
    window.hide();
  });
  // A call that starts ringing brings the window (and its client card) forward, once per call.
  let announced = new Set<string>();
  const stopFollowingCalls = started.core.onEvent('phone.calls', (calls) => {
    const { fresh, seen } = newlyRinging(announced, calls);
    announced = seen;
    if (fresh.length === 0) return;
    bringForward();
    window.flashFrame(true);
  });
  window.on('focus', () => window.flashFrame(false));
  app.on('second-instance', bringForward);
  app.on('window-all-closed', () => {
    stopFollowingCalls();
    tray.destroy();
    void started.dispose().finally(() => app.quit());
  });
  await window.loadFile(rendererIndex);
}

// A second start only brings the running window forward (see 'second-instance'): it must not
// open the database as well.
if (app.requestSingleInstanceLock()) {
  main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Ringside could not start: ${message}`);
    dialog.showErrorBox('Ringside could not start', message);
    app.exit(1);
  });
} else {
  app.quit();
}
