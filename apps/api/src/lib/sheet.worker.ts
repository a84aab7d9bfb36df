import { resourceLimits, threadId } from 'node:worker_threads';
import { readFirstSheet, type SheetReadResult, type SheetReadTask } from './sheetRead.ts';

// The sheet pool's worker (lib/renderPool.ts): uploaded workbooks read off the request thread, in a
// thread whose heap is bounded. It loads exceljs alone; what goes back is plain text.

export type SheetTask = SheetReadTask;
/** what was read, the thread that read it (0 would be the main thread) and its heap limit */
export type SheetResult = SheetReadResult & { threadId: number; heapLimitMb: number | undefined };

export default async function sheet(t: SheetTask): Promise<SheetResult> {
  return { ...(await readFirstSheet(t)), threadId, heapLimitMb: resourceLimits.maxOldGenerationSizeMb };
}
