import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archiveFileWriter } from './archive-file-writer.ts';
import { ReusedReadBuffers } from './reused-read-buffers.ts';

describe('reused read buffers and the archive writer', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ringside-buffers-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, bytes: number, fill: number) => {
    writeFileSync(join(dir, name), Buffer.alloc(bytes, fill));
    return join(dir, name);
  };

  it('reads into a buffer again only once the archive has written it', async () => {
    const buffers = new ReusedReadBuffers();
    const a = await buffers.readFile(file('a', 300_000, 1));
    const b = await buffers.readFile(file('b', 200_000, 2));
    expect(b.buffer).not.toBe(a.buffer);
    buffers.written(a);
    buffers.written(Buffer.alloc(10));
    const c = await buffers.readFile(file('c', 250_000, 3));
    expect(c.buffer).toBe(a.buffer);
    expect(c).toEqual(Buffer.alloc(250_000, 3));
    expect(b).toEqual(Buffer.alloc(200_000, 2));
  });

  it('a file larger than any free buffer gets a new one', async () => {
    const buffers = new ReusedReadBuffers();
    const small = await buffers.readFile(file('small', 1000, 4));
    buffers.written(small);
    const large = await buffers.readFile(file('large', 3 * 1024 * 1024, 5));
    expect(large.buffer).not.toBe(small.buffer);
    expect(large.length).toBe(3 * 1024 * 1024);
  });

  it('writes every chunk in order, owner-only, and reports each once written', async () => {
    const chunks = [Buffer.from('header'), Buffer.alloc(2 * 1024 * 1024, 7), Buffer.from('descriptor')];
    const reported: Buffer[] = [];
    const target = join(dir, 'archive.zip');
    await pipeline(Readable.from(chunks), archiveFileWriter(target, (chunk) => reported.push(chunk)));
    expect(readFileSync(target)).toEqual(Buffer.concat(chunks));
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(reported).toEqual(chunks);
  });

  it('a folder that cannot be written fails the pipeline with the reason', async () => {
    await expect(pipeline(Readable.from([Buffer.from('x')]), archiveFileWriter(join(dir, 'missing', 'a.zip'), () => undefined))).rejects.toThrow(/ENOENT/);
  });
});
