// Archives built by the tests: a minimal zip writer and tar-stream packing.
import zlib from "node:zlib";
import tar from "tar-stream";
import { crc32 } from "../src/inputs/paths.js";

export interface ZipEntry {
  name: string;
  data?: string;
  deflate?: boolean;
  /** Compressed bytes to store as they are (method 8), for a corrupt entry. */
  raw?: Buffer;
  /** A CRC to write instead of the right one. */
  crc?: number;
}

/** A minimal zip writer: local headers, central directory, end record; UTF-8 names. */
export function makeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const data = Buffer.from(e.data ?? "", "utf8");
    const method = e.raw || e.deflate ? 8 : 0;
    const comp = e.raw ?? (e.deflate ? zlib.deflateRawSync(data) : data);
    const crc = e.crc ?? crc32(data);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0x800, 6);
    lh.writeUInt16LE(method, 8);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(comp.length, 18);
    lh.writeUInt32LE(data.length, 22);
    lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x800, 8);
    ch.writeUInt16LE(method, 10);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(comp.length, 20);
    ch.writeUInt32LE(data.length, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, comp);
    central.push(ch, name);
    offset += lh.length + name.length + comp.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

export type TarEntry = { name: string; data?: string; type?: "file" | "directory" | "symlink"; linkname?: string };

export async function makeTar(entries: TarEntry[]): Promise<Buffer> {
  const pack = tar.pack();
  for (const e of entries) {
    if (e.type === "directory") pack.entry({ name: e.name, type: "directory" });
    else if (e.type === "symlink") pack.entry({ name: e.name, type: "symlink", linkname: e.linkname ?? "x" });
    else pack.entry({ name: e.name }, e.data ?? "");
  }
  pack.finalize();
  const parts: Buffer[] = [];
  for await (const c of pack) parts.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(parts);
}
