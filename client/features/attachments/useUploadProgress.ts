import { useCallback, useState } from 'react';
import { type FileUpload, withUploadProgress } from './upload-progress';

/** The files a form is uploading and how far each has gone; `onProgress` fits `appendEntry`. */
export const useUploadProgress = () => {
  const [files, setFiles] = useState<readonly FileUpload[]>([]);
  const onProgress = useCallback(
    (index: number, file: File, sent: number, total: number) =>
      setFiles((uploads) => withUploadProgress(uploads, index, { name: file.name, sent, total })),
    [],
  );
  return { files, onProgress };
};
