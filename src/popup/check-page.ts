// "Check this page", on a page where no article was found: reads the page's text on that click only
// and says how close it comes to each pack's article, so a fact-checker can see why a copy was missed.
import browser from 'webextension-polyfill';
import { packs as detection } from 'virtual:backstory-detection';
import { packs as installed } from 'virtual:backstory-pack-list';
import { closeness } from '../core/closeness.ts';
import { t } from '../shared/i18n.ts';
import { readImportedPacks } from '../shared/imported-store.ts';

/** Runs in the page (serialised by scripting.executeScript): the text as rendered, scripts and hidden parts left out. */
function renderedText(): string {
  return (document.body ?? document.documentElement)?.innerText ?? '';
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

export async function checkPage(tabId: number): Promise<string> {
  const [injection] = await browser.scripting.executeScript({ target: { tabId }, func: renderedText });
  const text = typeof injection?.result === 'string' ? injection.result : '';
  // The packs the reader imported are checked too.
  const imported = Object.values(await readImportedPacks());
  const [closest] = closeness(text, [...detection, ...imported.map((pack) => pack.detection)]);
  if (!closest) return t('checkNoPacks');
  const title = [...installed, ...imported.map((pack) => ({ slug: pack.slug, title: pack.data.article.title }))].find((pack) => pack.slug === closest.slug)?.title ?? closest.slug;
  if (closest.found === 0 && closest.markersFound === 0) return t('checkNothing');
  return t('checkResult', title, percent(closest.found), percent(closest.needed), String(closest.markersFound), String(closest.markersTotal), String(closest.markersNeeded));
}
