/** A file a window may fetch by its media path: a recording, an announcement or an export. */
export interface MediaFile {
  file: string;
  /** The bytes to serve instead of the file's (a decrypted recording). */
  content?: Buffer;
  mime: string;
  /** Offered as a download under this name (exports), rather than played. */
  downloadName?: string;
}
