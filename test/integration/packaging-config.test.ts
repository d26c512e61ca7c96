import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DebugLogger } from 'builder-util/out/DebugLogger.js';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { describe, expect, it } from 'vitest';

/**
 * The installers cannot be built here (electron-builder downloads Electron), so their configuration
 * is checked the way electron-builder checks it before building, plus what the issue asks of it.
 */
const root = resolve(import.meta.dirname, '../..');

function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own validation and names every target, the icon and the microphone usage', async () => {
    const config = await getConfig(root, null, null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toBe('nsis');
    expect(config.mac?.target).toBe('dmg');
    const extendInfo = (config.mac?.extendInfo ?? {}) as Record<string, string | undefined>;
    expect(String(extendInfo['NSMicrophoneUsageDescription'] ?? '')).toMatch(/microphone/);
    const icon = join(root, String(config.icon));
    expect(existsSync(icon)).toBe(true);
    const { width, height } = pngSize(icon);
    expect(width).toBeGreaterThanOrEqual(512);
    expect(height).toBe(width);
    const resources = (config.extraResources ?? []) as { from: string; to: string }[];
    expect(resources.map((r) => r.to).sort()).toEqual(['announcements', 'icon.png', 'practice', 'scripts']);
    for (const r of resources) expect(existsSync(join(root, r.from))).toBe(true);
  });

  it('flips the fuses that would let anyone run code through the packaged app', async () => {
    const config = await getConfig(root, null, null);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('is a real check: a broken configuration is refused', async () => {
    const config = await getConfig(root, null, null);
    await expect(validateConfiguration({ ...config, compression: 'fastest', notAnOption: true } as never, new DebugLogger(false))).rejects.toThrow(/compression|notAnOption/);
  });
});
