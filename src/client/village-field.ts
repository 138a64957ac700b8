/**
 * The web CMS's village field (`desa`): a KIM member types a name and picks the desa or
 * kelurahan from the matches, each shown with its kecamatan and kabupaten/kota; the entry stores
 * its Kemendagri code. The list is the network's scope (up to the country's 84,000 villages), so
 * only the best matches are drawn, found with the same `findVillages` as `npm run new`.
 *
 * Registered with Sveltia CMS's custom field API, which renders controls with the React it
 * bundles (`window.h`, `window.createClass`). Loaded only on /admin/, after the CMS's script and
 * before the CMS starts (module scripts run before DOMContentLoaded, which the CMS waits for).
 */
import { decodeRegions } from '../domain/regions/compact.ts';
import { districtChoices, findVillages, villageChoices, type VillageChoice } from '../domain/regions/names.ts';

/** The part of an Immutable.js map the CMS hands a control as its field's configuration. */
interface FieldConfig {
  get(key: string): unknown;
}

interface ControlProps {
  value?: string;
  onChange: (value: string) => void;
  forID: string;
  classNameWrapper: string;
  field: FieldConfig;
}

interface ControlState {
  choices: VillageChoice[] | null;
  failed: boolean;
  query: string;
}

interface ControlThis {
  props: ControlProps;
  state: ControlState;
  setState(state: Partial<ControlState>): void;
}

type Element = unknown;
type H = (type: string, props?: Record<string, unknown> | null, ...children: unknown[]) => Element;

declare global {
  interface Window {
    CMS?: { registerFieldType(name: string, control: unknown, preview?: unknown): void };
    h?: H;
    createClass?: (spec: Record<string, unknown>) => unknown;
  }
}

/** Matches drawn at once: enough for every namesake of a common name in one kabupaten. */
const SHOWN = 30;

/** One download of each region list, however many village fields a form has. */
const lists = new Map<string, Promise<{ villages: VillageChoice[]; all: VillageChoice[] }>>();

function loadChoices(url: string): Promise<{ villages: VillageChoice[]; all: VillageChoice[] }> {
  let list = lists.get(url);
  if (!list) {
    list = fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`${response.status}`);
        return response.text();
      })
      .then((text) => {
        // The list is the scope's slice already: every record in it is in scope.
        const data = decodeRegions(text);
        const villages = villageChoices(data, ['ID']);
        return { villages, all: [...villages, ...districtChoices(data, ['ID'])] };
      });
    lists.set(url, list);
    list.catch(() => lists.delete(url));
  }
  return list;
}

const choicesOf = (field: FieldConfig) =>
  loadChoices(String(field.get('regions'))).then((lists) => (field.get('districts') ? lists.all : lists.villages));

function register(): void {
  const { CMS, h, createClass } = window;
  if (!CMS || !h || !createClass) return;

  const control = createClass({
    getInitialState(): ControlState {
      return { choices: null, failed: false, query: '' };
    },
    componentDidMount(this: ControlThis) {
      choicesOf(this.props.field).then(
        (choices) => this.setState({ choices }),
        () => this.setState({ failed: true }),
      );
    },
    /** What the CMS asks before saving: a required village must be chosen. */
    isValid(this: ControlThis) {
      const required = this.props.field.get('required') !== false;
      return !required || this.props.value ? true : { error: { message: 'Pilih desa/kelurahan dari daftar: ketik namanya, lalu klik salah satu hasil.' } };
    },
    render(this: ControlThis) {
      const component = this;
      const { value, onChange, forID, classNameWrapper } = this.props;
      const { choices, failed, query } = this.state;
      const listId = `${forID}-hasil`;
      const chosen = value ? choices?.find((choice) => choice.code === value) : undefined;
      const matches = choices && query.trim() ? findVillages(query, choices) : [];
      const status = failed
        ? 'Daftar desa/kelurahan tidak dapat dimuat. Muat ulang halaman ini.'
        : !choices
          ? 'Memuat daftar desa/kelurahan…'
          : !query.trim()
            ? 'Ketik nama desa atau kelurahan, lalu pilih dari hasilnya.'
            : matches.length === 0
              ? `Tidak ada desa/kelurahan bernama "${query.trim()}" di wilayah jaringan ini.`
              : matches.length > SHOWN
                ? `${matches.length} hasil; ${SHOWN} pertama ditampilkan. Ketik lebih lengkap untuk mempersempit.`
                : `${matches.length} hasil.`;
      return h!(
        'div',
        { className: 'jembatan-village' },
        value
          ? h!('p', { className: 'jembatan-village-chosen' }, 'Terpilih: ', h!('strong', null, chosen?.label ?? value), chosen ? ` (${value})` : '')
          : null,
        h!('input', {
          id: forID,
          className: classNameWrapper,
          type: 'search',
          autoComplete: 'off',
          value: query,
          placeholder: value ? 'Ganti: ketik nama lain' : 'Ketik nama desa/kelurahan',
          'aria-controls': listId,
          'aria-describedby': `${listId}-status`,
          onChange: (event: { target: { value: string } }) => this.setState({ query: event.target.value }),
        }),
        h!('p', { id: `${listId}-status`, role: 'status', className: 'jembatan-village-status' }, status),
        h!(
          'ul',
          { id: listId, role: 'listbox', 'aria-label': 'Hasil pencarian desa/kelurahan', className: 'jembatan-village-results' },
          ...matches.slice(0, SHOWN).map((choice) =>
            h!(
              'li',
              { key: choice.code, role: 'option', 'aria-selected': choice.code === value, tabIndex: 0, onClick: () => pick(choice), onKeyDown: (event: { key: string }) => (event.key === 'Enter' || event.key === ' ') && pick(choice) },
              choice.label,
            ),
          ),
        ),
      );

      function pick(choice: VillageChoice) {
        onChange(choice.code);
        component.setState({ query: '' });
      }
    },
  });

  /** The preview pane: the village's name and area, not its bare code. */
  const preview = createClass({
    getInitialState: () => ({ choices: null }),
    componentDidMount(this: ControlThis & { props: { field: FieldConfig } }) {
      choicesOf(this.props.field).then((choices) => this.setState({ choices }), () => {});
    },
    render(this: ControlThis) {
      const value = this.props.value;
      return h!('p', null, (value && this.state.choices?.find((choice) => choice.code === value)?.label) ?? value ?? '');
    },
  });

  CMS.registerFieldType('desa', control, preview);
}

register();
