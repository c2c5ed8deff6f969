import { ATTACHMENT_MAX_BYTES } from '../../../shared/crypto/attachment-size';

/** What a picked file is checked on before anything is encrypted or sent. */
export type PickedFile = { readonly name: string; readonly type: string; readonly size: number };

const EXECUTABLE = /\.(exe|msi|bat|cmd|com|scr|ps1|sh|app|apk|jar|js|vbs|dll)$/i;

const matchesAccept = (file: PickedFile, accept: string): boolean =>
  accept
    .split(',')
    .map((pattern) => pattern.trim().toLowerCase())
    .some((pattern) =>
      pattern.endsWith('/*')
        ? file.type.toLowerCase().startsWith(pattern.slice(0, -1))
        : pattern.startsWith('.')
          ? file.name.toLowerCase().endsWith(pattern)
          : file.type.toLowerCase() === pattern,
    );

/**
 * Why a picked file cannot be attached, or null: over the 50 MiB limit, empty, or (where the field
 * takes only some types, such as photos) not of those types — an executable named like a photo included.
 */
export const fileProblem = (file: PickedFile, accept?: string): 'too-large' | 'empty' | 'wrong-type' | null => {
  if (file.size > ATTACHMENT_MAX_BYTES) {
    return 'too-large';
  }
  if (file.size === 0) {
    return 'empty';
  }
  if (accept !== undefined && (EXECUTABLE.test(file.name) || !matchesAccept(file, accept))) {
    return 'wrong-type';
  }
  return null;
};
