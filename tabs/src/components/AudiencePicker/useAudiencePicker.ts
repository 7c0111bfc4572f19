import { useState, type ChangeEvent } from 'react';
import type { Audience, AudienceSource, SearchResult } from '../../../../api/contract/audience';
import { readText } from '../../lib/read-text';
import { withoutSource, withSource } from './audience-sources';

export type PickTarget = 'include' | 'exclude';

/** Edits an audience: where picked results go, everyone, CSV files, guests. */
export function useAudiencePicker(audience: Audience, onChange: (audience: Audience) => void, allowedKinds: string[]) {
  const [target, setTarget] = useState<PickTarget>('include');
  const add = (list: PickTarget, source: AudienceSource) => onChange({ ...audience, [list]: withSource(audience[list], source) });

  const pick = (result: SearchResult) => add(target, { kind: result.kind, id: result.id, label: result.displayName });
  const remove = (list: PickTarget, key: string) => onChange({ ...audience, [list]: withoutSource(audience[list], key) });
  const everyone = audience.include.some((source) => source.kind === 'everyone');
  const setEveryone = (on: boolean) => (on ? add('include', { kind: 'everyone' }) : remove('include', 'everyone'));

  const addCsv = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) add(target, { kind: 'csv', text: await readText(file), label: file.name });
  };

  return {
    target,
    setTarget,
    pick,
    remove,
    everyone,
    setEveryone,
    addCsv,
    searchKinds: ['user', 'group', 'team'].filter((kind) => allowedKinds.includes(kind)),
    mayUse: (kind: string) => allowedKinds.includes(kind),
  };
}
