import { threadId } from 'node:worker_threads';
import { readFirstSheet, type SheetReadResult, type SheetReadTask } from './sheetRead.ts';

// The sheet pool's worker (lib/renderPool.ts): uploaded workbooks read off the request thread, in a
// thread whose heap is bounded. It loads exceljs alone; what goes back is plain text.

export type SheetTask = SheetReadTask;
export type SheetResult = SheetReadResult & { threadId: number };

export default async function sheet(t: SheetTask): Promise<SheetResult> {
  return { ...(await readFirstSheet(t)), threadId };
}
