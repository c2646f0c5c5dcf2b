// Runs at build time in Node (`npm run package`). A minimal, reproducible ZIP
// writer and reader: the same files always give the same bytes, whatever the
// machine, clock, umask or file system order. No dependency beyond node:zlib.
// @see PKWARE APPNOTE.TXT 6.3.x, §4.3 (file layout), §4.4 (header fields)

import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

export interface ZipInput {
  /** Path inside the archive, with forward slashes. */
  name: string;
  data: Uint8Array;
}

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Unix mode bits from the external attributes. */
  mode: number;
  dosTime: number;
  dosDate: number;
  data: Buffer;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;
/** Bit 11: names are UTF-8. */
const FLAG_UTF8 = 0x0800;
/** 1980-01-01 00:00:00, the earliest DOS date: no clock ever leaks into a package. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
/** Made by Unix (3), spec 2.0; every file is a regular file, rw-r--r--. */
const MADE_BY = (3 << 8) | 20;
const FILE_MODE = 0o100644;

/** Names in byte order, so the archive never depends on readdir order. */
export function sortedInputs(files: ZipInput[]): ZipInput[] {
  const names = new Set<string>();
  for (const file of files) {
    if (!file.name || file.name.startsWith('/') || file.name.includes('\\') || file.name.split('/').includes('..')) {
      throw new Error(`bad archive path: ${file.name}`);
    }
    if (names.has(file.name)) throw new Error(`duplicate archive path: ${file.name}`);
    names.add(file.name);
  }
  return [...files].sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
}

export function writeZip(files: ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of sortedInputs(files)) {
    const name = Buffer.from(file.name, 'utf8');
    const data = Buffer.from(file.data);
    const deflated = deflateRawSync(data, { level: 9 });
    const method = deflated.length < data.length ? DEFLATED : STORED;
    const body = method === DEFLATED ? deflated : data;
    const crc = crc32(data);

    /** The fields both headers share, from "version needed" to the name's length. */
    const shared = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at);
      header.writeUInt16LE(FLAG_UTF8, at + 2);
      header.writeUInt16LE(method, at + 4);
      header.writeUInt16LE(DOS_TIME, at + 6);
      header.writeUInt16LE(DOS_DATE, at + 8);
      header.writeUInt32LE(crc, at + 10);
      header.writeUInt32LE(body.length, at + 14);
      header.writeUInt32LE(data.length, at + 18);
      header.writeUInt16LE(name.length, at + 22);
    };

    const local = Buffer.alloc(30); // extra field length (28): 0
    local.writeUInt32LE(LOCAL, 0);
    shared(local, 4);
    locals.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(MADE_BY, 4);
    shared(central, 6);
    // extra, comment, disk number, internal attributes: all 0
    central.writeUInt32LE((FILE_MODE << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  const count = centrals.length / 2;
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  if (count > 0xffff || offset > 0xffffffff) throw new Error('archive needs ZIP64, which this writer does not do');
  return Buffer.concat([...locals, directory, end]);
}

/** Reads an archive back through its central directory (as stores and unzip do). */
export function readZip(zip: Buffer): ZipEntry[] {
  const endAt = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0) throw new Error('no end of central directory');
  const count = zip.readUInt16LE(endAt + 10);
  let at = zip.readUInt32LE(endAt + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL) throw new Error(`bad central header at ${at}`);
    const method = zip.readUInt16LE(at + 10);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localAt = zip.readUInt32LE(at + 42);
    const compressedSize = zip.readUInt32LE(at + 20);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (zip.readUInt32LE(localAt) !== LOCAL) throw new Error(`bad local header for ${name}`);
    const bodyAt = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
    const body = zip.subarray(bodyAt, bodyAt + compressedSize);
    const data = method === DEFLATED ? inflateRawSync(body) : Buffer.from(body);
    const crc = zip.readUInt32LE(at + 16);
    if (crc32(data) !== crc) throw new Error(`CRC mismatch for ${name}`);
    entries.push({
      name,
      method,
      crc,
      compressedSize,
      size: zip.readUInt32LE(at + 24),
      mode: zip.readUInt32LE(at + 38) >>> 16,
      dosTime: zip.readUInt16LE(at + 12),
      dosDate: zip.readUInt16LE(at + 14),
      data,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
