import { useEffect, useState } from 'react';
import type { Audience, AudiencePreview } from '../../../../api/contract/audience';
import { useApi } from '../../api/api-provider';
import { errorMessage } from '../../api/api-error';
import { useDebouncedValue } from '../../lib/use-debounced-value';

const PREVIEW_DEBOUNCE_MS = 500;

export interface AudiencePreviewState {
  preview?: AudiencePreview;
  loading: boolean;
  error?: string;
}

/** Asks the server what the audience resolves to, once the author has stopped changing it for a moment. */
export function useAudiencePreview(audience: Audience): AudiencePreviewState {
  const api = useApi();
  const settled = useDebouncedValue(audience, PREVIEW_DEBOUNCE_MS);
  const [state, setState] = useState<AudiencePreviewState>({ loading: false });

  useEffect(() => {
    if (settled.include.length === 0) return setState({ loading: false });
    let current = true;
    setState((previous) => ({ ...previous, loading: true, error: undefined }));
    api.previewAudience(settled).then(
      (preview) => current && setState({ preview, loading: false }),
      (error: unknown) => current && setState({ loading: false, error: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, settled]);

  const stale = settled !== audience;
  return audience.include.length === 0 ? { loading: false } : { ...state, loading: state.loading || stale };
}
