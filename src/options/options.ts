// The options page: every setting, applied live to open tabs through storage.onChanged.
import browser from 'webextension-polyfill';
import { NOTE_KINDS } from '../model/note.ts';
import { localizePage, t } from '../shared/i18n.ts';
import { mountLegend } from '../shared/legend.ts';
import { packs } from 'virtual:backstory-pack-list';
import { DWELL_RANGE, SETTINGS_KEY, parseSettings, type Intensity, type Settings } from '../shared/settings.ts';
import { readSettings, updateSettings } from '../shared/settings-store.ts';
import { mountPackImport } from './pack-import.ts';

const form = document.getElementById('settings') as HTMLFormElement;
const enabled = document.getElementById('enabled') as HTMLInputElement;
const intensity = document.getElementById('intensity') as HTMLSelectElement;
const dwell = document.getElementById('dwell') as HTMLInputElement;
const sites = document.getElementById('sites') as HTMLUListElement;
const packList = document.getElementById('packs') as HTMLUListElement;
dwell.min = String(DWELL_RANGE.min);
dwell.max = String(DWELL_RANGE.max);

/** One switch per installed pack: "“Title”, Publisher, date". */
function renderPacks(settings: Settings): void {
  packList.replaceChildren(
    ...packs.map((pack) => {
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.setAttribute('role', 'switch');
      input.checked = !settings.disabledPacks.includes(pack.slug);
      input.addEventListener('change', () =>
        void save((current) => ({
          ...current,
          disabledPacks: input.checked ? current.disabledPacks.filter((slug) => slug !== pack.slug) : [...current.disabledPacks, pack.slug],
        })),
      );
      const text = document.createElement('span');
      text.textContent = `“${pack.title}”, ${pack.publisher}, ${pack.published}`;
      const label = document.createElement('label');
      label.className = 'switch';
      label.append(input, text);
      const item = document.createElement('li');
      item.append(label);
      return item;
    }),
  );
}
const saved = document.getElementById('saved') as HTMLParagraphElement;

const inputs = (name: string) => [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)];

function render(settings: Settings): void {
  renderPacks(settings);
  enabled.checked = settings.enabled;
  for (const input of inputs('kind')) input.checked = settings.kinds[input.value as (typeof NOTE_KINDS)[number]];
  for (const input of inputs('mentions')) input.checked = input.value === settings.mentions;
  intensity.value = settings.intensity;
  dwell.value = String(settings.dwellMs);
  if (settings.disabledSites.length === 0) {
    const empty = document.createElement('li');
    empty.textContent = t('sitesEmpty');
    sites.replaceChildren(empty);
    return;
  }
  sites.replaceChildren(
    ...settings.disabledSites.map((host) => {
      const item = document.createElement('li');
      const name = document.createElement('span');
      name.textContent = host;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = t('removeSiteButton');
      remove.setAttribute('aria-label', t('removeSite', host));
      remove.addEventListener('click', () => void save((current) => ({ ...current, disabledSites: current.disabledSites.filter((site) => site !== host) })));
      item.append(name, remove);
      return item;
    }),
  );
}

async function save(change: (settings: Settings) => Settings): Promise<void> {
  render(await updateSettings(change));
  saved.textContent = t('savedNotice');
}

form.addEventListener('change', () => {
  const dwellMs = Number(dwell.value);
  void save((current) => ({
    ...current,
    enabled: enabled.checked,
    kinds: Object.fromEntries(inputs('kind').map((input) => [input.value, input.checked])) as Settings['kinds'],
    mentions: inputs('mentions').find((input) => input.checked)?.value === 'first' ? 'first' : 'all',
    // updateSettings passes everything through parseSettings, which checks the choice and clamps the delay.
    intensity: intensity.value as Intensity,
    dwellMs: Number.isFinite(dwellMs) ? dwellMs : current.dwellMs,
  }));
});
form.addEventListener('submit', (event) => event.preventDefault());

// Changes made elsewhere (the popup) show up here too.
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && SETTINGS_KEY in changes) render(parseSettings(changes[SETTINGS_KEY].newValue));
});

localizePage();
mountPackImport(
  {
    input: document.getElementById('pack-file') as HTMLInputElement,
    drop: document.getElementById('pack-drop') as HTMLElement,
    status: document.getElementById('pack-status') as HTMLElement,
    pending: document.getElementById('pack-pending') as HTMLElement,
    list: document.getElementById('imported-packs') as HTMLUListElement,
  },
  new Set(packs.map((pack) => pack.slug)),
);
void readSettings().then(render);
// The key to the highlights, at the chosen intensity: a preview of the intensity switch.
mountLegend(document.getElementById('legend') as HTMLUListElement);
