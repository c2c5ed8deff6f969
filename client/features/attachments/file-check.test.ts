import { describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/crypto/attachment-size';
import { fileProblem } from './file-check';

describe('fileProblem', () => {
  it('takes a photo of the right type and size', () => {
    expect(fileProblem({ name: 'olena.jpg', type: 'image/jpeg', size: 120_000 }, 'image/*')).toBeNull();
  });

  it('refuses a file over 50 MiB, and an empty one, before anything is sent', () => {
    expect(fileProblem({ name: 'scan.pdf', type: 'application/pdf', size: ATTACHMENT_MAX_BYTES + 1 })).toBe(
      'too-large',
    );
    expect(fileProblem({ name: 'scan.pdf', type: 'application/pdf', size: ATTACHMENT_MAX_BYTES })).toBeNull();
    expect(fileProblem({ name: 'blank.txt', type: 'text/plain', size: 0 })).toBe('empty');
  });

  it('refuses executables and other types where only photos are taken', () => {
    expect(fileProblem({ name: 'setup.exe', type: 'application/x-msdownload', size: 10 }, 'image/*')).toBe(
      'wrong-type',
    );
    expect(fileProblem({ name: 'photo.jpg.exe', type: 'image/jpeg', size: 10 }, 'image/*')).toBe('wrong-type');
    expect(fileProblem({ name: 'notes.pdf', type: 'application/pdf', size: 10 }, 'image/*')).toBe('wrong-type');
  });

  it('leaves the type open where any file is taken', () => {
    expect(fileProblem({ name: 'minutes.docx', type: '', size: 10 })).toBeNull();
  });
});
