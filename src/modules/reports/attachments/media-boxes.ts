/**
 * ISO base media files (MP4, MOV, 3GP) are a tree of boxes: 4 bytes of size, 4 of type, content.
 * Phones write where and when a video was made into `udta` (user data: Apple's ©xyz, "+52.2-021.0/")
 * and `meta` boxes, at the top of `moov` and inside each track. `blankMetadataBoxes` renames those
 * boxes to `free` (padding every player skips) in a copy of the file: the sizes stay, so every
 * offset into the file (the sample tables point into `mdat`) stays valid and the video plays as
 * before. Their bytes are overwritten with zeros as well, so nothing of them is left in the file.
 */

const containers = new Set(['moov', 'trak', 'mdia', 'minf', 'edts', 'dinf', 'stbl', 'moof', 'traf', 'mvex']);
const hidden = new Set(['udta', 'meta', 'uuid', 'XMP_']);

export class MediaStructureError extends Error {}

interface Box {
  type: string;
  start: number;
  headerSize: number;
  end: number;
}

function readBoxes(bytes: Uint8Array, start: number, end: number): Box[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const boxes: Box[] = [];
  let at = start;
  while (at < end) {
    if (end - at < 8) throw new MediaStructureError('a box header is cut short');
    let size = view.getUint32(at);
    let headerSize = 8;
    const type = String.fromCharCode(bytes[at + 4]!, bytes[at + 5]!, bytes[at + 6]!, bytes[at + 7]!);
    if (size === 1) {
      if (end - at < 16) throw new MediaStructureError('a large box header is cut short');
      const large = view.getBigUint64(at + 8);
      if (large > BigInt(Number.MAX_SAFE_INTEGER)) throw new MediaStructureError('a box is larger than any file');
      size = Number(large);
      headerSize = 16;
    } else if (size === 0) {
      size = end - at; // "to the end of the file"
    }
    if (size < headerSize || at + size > end) throw new MediaStructureError(`box ${JSON.stringify(type)} overruns its parent`);
    boxes.push({ type, start: at, headerSize, end: at + size });
    at += size;
  }
  return boxes;
}

/** The file with its metadata boxes blanked, and how many there were; throws MediaStructureError on a damaged file. */
export function blankMetadataBoxes(input: Uint8Array): { bytes: Uint8Array; blanked: number } {
  const bytes = new Uint8Array(input); // a copy: the caller's buffer stays as it came
  let blanked = 0;
  const walk = (start: number, end: number, depth: number) => {
    if (depth > 16) throw new MediaStructureError('boxes nest too deep');
    for (const box of readBoxes(bytes, start, end)) {
      if (hidden.has(box.type)) {
        bytes.fill(0, box.start + box.headerSize, box.end);
        bytes.set([0x66, 0x72, 0x65, 0x65], box.start + 4); // "free"
        blanked++;
      } else if (containers.has(box.type)) {
        walk(box.start + box.headerSize, box.end, depth + 1);
      }
    }
  };
  const top = readBoxes(bytes, 0, bytes.length);
  if (top[0]?.type !== 'ftyp') throw new MediaStructureError('the file does not start with an ftyp box');
  walk(0, bytes.length, 0);
  return { bytes, blanked };
}
