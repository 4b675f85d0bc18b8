// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { attachmentStageProblem, checkAttachmentFile, detectFileType, safeFilename, type FileType } from './attachments.js';

const bytes = (...parts: (string | number[])[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const zip = (...names: string[]) => bytes([0x50, 0x4b, 0x03, 0x04], [...Array<number>(26).fill(0)], ...names);

describe('detectFileType: by magic bytes', () => {
  const table: [string, Uint8Array, FileType | undefined][] = [
    ['pdf', bytes('%PDF-1.7\n%âãÏÓ'), 'pdf'],
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'), 'jpeg'],
    ['png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR'), 'png'],
    ['webp', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'webp'],
    ['heic', bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic'), 'heic'],
    ['mp4 is not heic', bytes([0, 0, 0, 0x18], 'ftypisom'), undefined],
    ['odt', zip('mimetypeapplication/vnd.oasis.opendocument.text'), 'odt'],
    ['ods is not odt', zip('mimetypeapplication/vnd.oasis.opendocument.spreadsheet'), undefined],
    ['docx', zip('[Content_Types].xml', '...', 'word/document.xml'), 'docx'],
    ['xlsx', zip('[Content_Types].xml', '...', 'xl/workbook.xml'), 'xlsx'],
    ['plain zip', zip('virus.exe'), undefined],
    ['html', bytes('<!doctype html><script>alert(1)</script>'), undefined],
    ['windows executable', bytes('MZ', [0x90, 0]), undefined],
    ['svg', bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'), undefined],
    ['too short', bytes([0xff, 0xd8]), undefined],
  ];
  it.each(table)('%s', (_name, content, expected) => {
    expect(detectFileType(content)).toBe(expected);
  });
});

describe('checkAttachmentFile', () => {
  const pdf = bytes('%PDF-1.4\n');
  it('accepts a file whose name fits its content', () => {
    expect(checkAttachmentFile('Bon 12.PDF', pdf)).toEqual({ type: 'pdf' });
    expect(checkAttachmentFile('foto.jpeg', bytes([0xff, 0xd8, 0xff, 0xe1]))).toEqual({ type: 'jpeg' });
  });
  it.each([
    ['empty', 'bon.pdf', new Uint8Array(0), 'attachment_empty'],
    ['too large', 'bon.pdf', bytes('%PDF-', [...Array<number>(20).fill(32)]), 'attachment_too_large'],
    ['an html page named .pdf', 'bon.pdf', bytes('<html>'), 'attachment_type_not_allowed'],
    ['a png named .pdf', 'bon.pdf', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'attachment_type_mismatch'],
    ['a pdf without extension', 'bon', pdf, 'attachment_type_mismatch'],
  ])('%s', (_name, filename, content, code) => {
    const result = checkAttachmentFile(filename, content, 16);
    expect('problem' in result && result.problem.code).toBe(code);
    expect('problem' in result && result.problem.message).toMatch(/^Het bestand '/);
  });
});

describe('stages', () => {
  it.each([
    ['application', 'add', 'draft', null],
    ['application', 'add', 'in_advice', null],
    ['application', 'add', 'granted', "Bij een initiatief met status 'toegekend' kan nu geen bijlage bij de aanvraag worden toegevoegd."],
    [
      'application',
      'remove',
      'submitted',
      "Bij een initiatief met status 'ingediend' kan nu geen bijlage bij de aanvraag worden verwijderd: wat is ingediend, blijft bij de aanvraag.",
    ],
    ['receipt', 'add', 'in_execution', null],
    ['receipt', 'remove', 'advance_paid', null],
    ['receipt', 'add', 'accounted', "Bij een initiatief met status 'verantwoord' kan nu geen bon worden toegevoegd."],
    ['photo', 'add', 'draft', "Bij een initiatief met status 'concept' kan nu geen foto worden toegevoegd."],
  ] as const)('%s %s in %s', (kind, change, status, expected) => {
    expect(attachmentStageProblem(kind, change, status)).toBe(expected);
  });
});

describe('safeFilename', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\bea\\bon "1".pdf', 'bon _1_.pdf'],
    ['..', 'bestand'],
    ['', 'bestand'],
    ['foto\r\n.jpg', 'foto__.jpg'],
  ])('%s → %s', (input, expected) => {
    expect(safeFilename(input)).toBe(expected);
  });
});
