import { useRef, useState, type ChangeEvent } from 'react';
import { useApi } from '../../api/api-provider';
import { errorMessage } from '../../api/api-error';
import { strings } from '../../strings';

export const MAX_IMAGE_BYTES = 1024 * 1024;
const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif'];

/** Checks a chosen image locally (type, ≤ 1 MB) before uploading it, then hands back the address Herald serves. */
export function useImageField(onUploaded: (url: string) => void) {
  const api = useApi();
  const inputRef = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string>();

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (!IMAGE_TYPES.includes(file.type)) return setUploadError(strings.compose.imageWrongType);
    if (file.size > MAX_IMAGE_BYTES) return setUploadError(strings.compose.imageTooLarge);
    setUploadError(undefined);
    setUploading(true);
    try {
      onUploaded((await api.uploadImage(file)).url);
    } catch (error) {
      setUploadError(errorMessage(error));
    } finally {
      setUploading(false);
    }
  };

  return { inputRef, uploading, uploadError, onFile, accept: IMAGE_TYPES.join(','), chooseFile: () => inputRef.current?.click() };
}
