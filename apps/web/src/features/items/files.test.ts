import { describe, expect, it } from 'vitest';
import { acceptAttribute, acceptedType, ATTACHMENT_LIMITS, checkFile, formatBytes, officeKind, previewKind, type FileLimits } from './files.ts';

const limits: FileLimits = { maxBytes: 5 * 1024 * 1024, types: ['image/png', 'application/pdf'], extensions: ['.png', '.pdf'] };

describe('attachments chosen in the browser', () => {
  it('preview images and PDFs inline, nothing else', () => {
    expect(previewKind('image/png')).toBe('image');
    expect(previewKind('IMAGE/JPEG')).toBe('image');
    expect(previewKind('application/pdf; charset=binary')).toBe('pdf');
    expect(previewKind('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBeNull();
    expect(previewKind('image/svg+xml')).toBeNull();
  });

  it('refuse empty, too large and unlisted files before uploading', () => {
    expect(checkFile({ name: 'a.png', size: 0, type: 'image/png' }, limits)).toEqual({ problem: 'empty' });
    expect(checkFile({ name: 'a.png', size: limits.maxBytes + 1, type: 'image/png' }, limits)).toEqual({ problem: 'tooLarge', maxBytes: limits.maxBytes });
    expect(checkFile({ name: 'a.exe', size: 10, type: 'application/x-msdownload' }, limits)).toEqual({ problem: 'type' });
  });

  it('accept a listed file at exactly the limit, by type or by name when the browser gives no type', () => {
    expect(checkFile({ name: '进展.PDF', size: limits.maxBytes, type: '' }, limits)).toBeNull();
    expect(checkFile({ name: 'scan', size: 10, type: 'image/png' }, limits)).toBeNull();
  });

  it('write sizes as file dialogs do', () => {
    expect(formatBytes(12)).toBe('12 B');
    expect(formatBytes(350 * 1024)).toBe('350 KB');
    expect(formatBytes(1.25 * 1024 * 1024)).toBe('1.3 MB');
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
    expect(acceptAttribute(limits)).toBe('.png,.pdf,image/png,application/pdf');
  });

  it('name the accepted type by the browser’s word, else by the file name', () => {
    expect(acceptedType({ name: 'x.bin', type: 'image/png' }, limits.types)).toBe('image/png');
    expect(acceptedType({ name: '会议纪要.PDF', type: '' }, limits.types)).toBe('application/pdf');
    expect(acceptedType({ name: 'photo.jpg', type: '' }, limits.types)).toBeNull();
    expect(acceptedType({ name: 'a.docx', type: 'application/msword' }, limits.types)).toBeNull();
  });

  it('take Word and Excel files for progress updates, by name when the browser does not know them, and never preview them', () => {
    expect(acceptedType({ name: '会议纪要.docx', type: '' }, ATTACHMENT_LIMITS.types)).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(acceptedType({ name: '名额.XLSX', type: 'application/octet-stream' }, ATTACHMENT_LIMITS.types)).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(acceptedType({ name: '旧版.doc', type: '' }, ATTACHMENT_LIMITS.types)).toBe('application/msword');
    expect(acceptedType({ name: '旧表.xls', type: '' }, ATTACHMENT_LIMITS.types)).toBe('application/vnd.ms-excel');
    expect(checkFile({ name: '纪要.docx', size: 10, type: '' }, ATTACHMENT_LIMITS)).toBeNull();
    expect(checkFile({ name: '幻灯片.pptx', size: 10, type: '' }, ATTACHMENT_LIMITS)).toEqual({ problem: 'type' });
    expect(previewKind('application/msword')).toBeNull();
    expect(officeKind('application/vnd.ms-excel')).toBe('excel');
    expect(officeKind('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe('word');
    expect(officeKind('application/pdf')).toBeNull();
  });
});
