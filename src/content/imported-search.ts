// The search of the imported packs' gate (content/imported-gate.js): the same gate as the bundled
// one, but its packs' rows (core/gate-rows.ts) are read from storage, where the options page wrote
// them on import, not compiled in. One storage read per page, and only while a pack is imported:
// the background registers this gate only then.
import type { ArticleSearch } from '../core/detect.ts';
import { fewPacksSearch, manyPacksSearch } from '../core/gate-search.ts';
import { isRecord } from '../core/is-record.ts';
import { IMPORTED_GATE_KEY } from '../shared/injected-files.ts';
import { extensionApi } from './extension-api.ts';

/** No pack until the rows are read: nothing is ever found in the meantime. */
export let search: ArticleSearch = fewPacksSearch('', '');

export const searchReady: Promise<void> = extensionApi.storage.local.get(IMPORTED_GATE_KEY).then((stored) => {
  const data = stored[IMPORTED_GATE_KEY];
  if (!isRecord(data) || typeof data.rows !== 'string' || typeof data.markers !== 'string') return;
  search = (data.onePass === true ? manyPacksSearch : fewPacksSearch)(data.rows, data.markers);
});
