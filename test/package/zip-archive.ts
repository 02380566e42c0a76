/**
 * Reads the files of a ZIP archive into memory, enough for the packages `wxt zip` writes:
 * stored or deflated entries, no ZIP64, no encryption. The tests read the release archives
 * themselves, so they check what would be uploaded to a store.
 */
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/** Returns every file in the archive at `path`, keyed by its path inside the archive. */
export function readZipArchive(path: string): Map<string, Buffer> {
  const archive = readFileSync(path);
  const end = findEndOfCentralDirectory(archive, path);
  const entryCount = archive.readUInt16LE(end + 10);
  let offset = archive.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let index = 0; index < entryCount; index++) {
    if (archive.readUInt32LE(offset) !== CENTRAL_DIRECTORY_HEADER) {
      throw new Error(`${path}: invalid central directory header at byte ${offset}.`);
    }
    const method = archive.readUInt16LE(offset + 10);
    const compressedSize = archive.readUInt32LE(offset + 20);
    const nameLength = archive.readUInt16LE(offset + 28);
    const extraLength = archive.readUInt16LE(offset + 30);
    const commentLength = archive.readUInt16LE(offset + 32);
    const localHeader = archive.readUInt32LE(offset + 42);
    const name = archive.toString('utf8', offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    const data = readEntryData(archive, localHeader, compressedSize, path);
    files.set(name, inflateEntry(data, method, `${path}: ${name}`));
  }
  return files;
}

function findEndOfCentralDirectory(archive: Buffer, path: string): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the end of the archive.
  const earliest = Math.max(0, archive.length - 22 - 0xffff);
  for (let offset = archive.length - 22; offset >= earliest; offset--) {
    if (archive.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  throw new Error(`${path} is not a ZIP archive: no end of central directory record.`);
}

function readEntryData(archive: Buffer, header: number, size: number, path: string): Buffer {
  if (archive.readUInt32LE(header) !== LOCAL_FILE_HEADER) {
    throw new Error(`${path}: invalid local file header at byte ${header}.`);
  }
  const start = header + 30 + archive.readUInt16LE(header + 26) + archive.readUInt16LE(header + 28);
  return archive.subarray(start, start + size);
}

function inflateEntry(data: Buffer, method: number, label: string): Buffer {
  if (method === STORED) return Buffer.from(data);
  if (method === DEFLATED) return inflateRawSync(data);
  throw new Error(`${label} uses compression method ${method}; only stored and deflated work.`);
}
