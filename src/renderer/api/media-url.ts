import { MEDIA_PROTOCOL, PRELOAD_GLOBAL, WEB_MEDIA_PATH } from '../../shared/ipc/bridge.ts';
import { TOKEN_STORAGE_KEY } from './web-socket-port.ts';

/**
 * The address of a media file ("recordings/<id>", "announcements/current", "exports/<name>"):
 * Electron's protocol, or in browser mode the server's HTTP route with the session's token.
 */
export function mediaUrl(path: string): string {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  if (PRELOAD_GLOBAL in window) return `${MEDIA_PROTOCOL}://${encoded}`;
  const token = window.sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? '';
  return `${window.location.origin}${WEB_MEDIA_PATH}${encoded}?token=${encodeURIComponent(token)}`;
}
