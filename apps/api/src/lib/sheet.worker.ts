import { resourceLimits, threadId } from 'node:worker_threads';
import { readFirstSheet, type SheetReadResult, type SheetReadTask } from './sheetRead.ts';
import { writeWorkbook, type SheetWriteTask } from './sheetWrite.ts';

// The sheet pool's worker (lib/renderPool.ts): uploaded workbooks read off the request thread, in a
// thread whose heap is bounded, and exports written from plain rows. It loads exceljs alone; what
// crosses between the threads is plain data.

export type SheetTask = SheetReadTask | SheetWriteTask;
/** what was read (or the file written), the thread that did it (0 would be the main thread) and its heap limit */
export type SheetResult = (SheetReadResult | { bytes: Uint8Array }) & { threadId: number; heapLimitMb: number | undefined };

export default async function sheet(t: SheetTask): Promise<SheetResult> {
  const done = { threadId, heapLimitMb: resourceLimits.maxOldGenerationSizeMb };
  if (t.kind === 'write') {
    const buf = await writeWorkbook(t);
    return { bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), ...done };
  }
  return { ...(await readFirstSheet(t)), ...done };
}
