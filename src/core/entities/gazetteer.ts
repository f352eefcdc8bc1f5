/**
 * Word lists behind the recogniser: countries and cities from maintained data packages, loaded on
 * first use, and small hand-kept lists of regions, news outlets and cue words. No list names people.
 */

/** Lower-cases and straightens apostrophes so that “People’s” and "People's" look the same. */
export function normalize(s: string): string {
  return s.replace(/[\u2019\u2018`´]/g, "'").toLowerCase();
}

/** One country as `countries.json` keeps it: its common English name, its other names, its demonyms. */
interface CountryRecord {
  readonly common: string;
  readonly names: readonly string[];
  readonly demonyms: readonly string[];
}

/** Country codes written as words in news text; other two-letter codes ("IN", "IT") are ordinary words. */
const COUNTRY_ABBREVIATIONS: Record<string, string> = {
  'us': 'United States', 'u.s.': 'United States', 'usa': 'United States', 'u.s.a.': 'United States',
  'america': 'United States', 'uk': 'United Kingdom', 'u.k.': 'United Kingdom', 'britain': 'United Kingdom',
  'great britain': 'United Kingdom', 'uae': 'United Arab Emirates', 'drc': 'DR Congo', 'prc': 'China',
  "people's republic china": 'China', 'dprk': 'North Korea', 'rok': 'South Korea', 'holland': 'Netherlands',
  'ivory coast': 'Ivory Coast', 'czech republic': 'Czechia', 'burma': 'Myanmar', 'kiev': 'Ukraine',
};

/** Continents, seas and other regions news text names without a cue word. */
const REGIONS = [
  'Europe', 'Asia', 'Africa', 'Antarctica', 'Oceania', 'Americas', 'North America', 'South America',
  'Latin America', 'Central America', 'Middle East', 'Near East', 'Far East', 'Eurasia', 'Scandinavia',
  'Balkans', 'Caucasus', 'Baltics', 'Baltic', 'Caribbean', 'Mediterranean', 'Pacific', 'Atlantic', 'Arctic',
  'Sahel', 'Maghreb', 'Gulf', 'Persian Gulf', 'Indo-Pacific', 'Western Europe', 'Eastern Europe',
  'Northern Europe', 'Southern Europe', 'Central Europe', 'Central Asia', 'South Asia', 'Southeast Asia',
  'East Asia', 'West Africa', 'East Africa', 'North Africa', 'Southern Africa', 'Sub-Saharan Africa',
  'Gaza', 'Gaza Strip', 'West Bank', 'Crimea', 'Donbas', 'Kashmir', 'Tibet', 'Xinjiang', 'Siberia',
  'Silicon Valley', 'Wall Street', 'Manhattan', 'Brooklyn', 'Westminster', 'Whitehall', 'Scotland', 'England',
  'Wales', 'Northern Ireland', 'Catalonia', 'Bavaria', 'Flanders', 'Quebec', 'Ontario', 'Hokkaido',
  'Washington', 'Washington D.C.',
];

/** US states: datelines and court reports name them after a city ("Greenwich, Connecticut"). */
const US_STATES = [
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida',
  'Georgia', 'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine',
  'Maryland', 'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska',
  'Nevada', 'New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio',
  'Oklahoma', 'Oregon', 'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas',
  'Utah', 'Vermont', 'Virginia', 'Washington', 'West Virginia', 'Wisconsin', 'Wyoming',
];

/**
 * Major news outlets and agencies. Compromise knows few of them, and they are the organisations a
 * fact-checker most needs to see. Names with a cue word ("Financial Times", "Sky News") are found by
 * the cue and need not be listed.
 */
const OUTLETS = [
  'Reuters', 'AP', 'Associated Press', 'AFP', 'Agence France-Presse', 'EFE', 'EPA', 'Xinhua', 'Kyodo',
  'Yonhap', 'Tass', 'Interfax', 'RIA Novosti', 'ANSA', 'DPA', 'Bloomberg', 'Axios', 'Politico', 'CNN', 'CNBC',
  'MSNBC', 'BBC', 'ITV', 'NBC', 'CBS', 'ABC', 'Fox', 'NPR', 'PBS', 'RT', 'NDTV', 'Al Jazeera', 'Sputnik',
  'Euronews', 'Deutsche Welle', 'DW', 'Le Monde', 'Le Figaro', 'Libération', 'El País', 'El Mundo',
  'Der Spiegel', 'Spiegel', 'Die Zeit', 'Bild', 'Corriere della Sera', 'La Repubblica', 'Haaretz',
  'Guardian', 'Telegraph', 'Independent', 'Economist', 'Axel Springer', 'Vox', 'Vice', 'BuzzFeed',
  'HuffPost', 'Semafor', 'Nikkei', 'Caixin', 'Global Times', 'South China Morning Post', 'Yomiuri',
  'Asahi', 'Mainichi', 'Xinhua News Agency', 'Anadolu', 'Ukrinform', 'Kyiv Independent', 'Meduza',
  'Kommersant', 'Izvestia', 'Pravda', 'Reuters TV', 'Sky', 'CCTV', 'CGTN',
];

/**
 * International bodies and groupings news text names by their short names alone. A gazetteer for the
 * tagger, like the outlets: it says what such a word usually is, the tagger decides in context.
 */
const BODIES = [
  'G7', 'G8', 'G20', 'NATO', 'EU', 'UN', 'U.N.', 'UNESCO', 'UNICEF', 'UNHCR', 'WHO', 'IMF', 'WTO', 'OPEC',
  'OPEC+', 'ASEAN', 'BRICS', 'OECD', 'OSCE', 'Interpol', 'Europol', 'Frontex', 'FIFA', 'UEFA', 'IOC',
  'Kremlin', 'Pentagon', 'Bundestag', 'Knesset', 'Duma', 'Politburo', 'Hamas', 'Hezbollah', 'Taliban',
  'Red Cross', 'World Bank', 'African Union', 'Arab League', 'Security Council', 'European Union',
  'European Commission', 'European Parliament', 'Federal Reserve', 'Fed',
];

/** Last words that make a capitalised name an organisation ("State Department", "Financial Times"). */
const ORG_CUES = [
  'ministry', 'department', 'agency', 'commission', 'council', 'parliament', 'congress', 'senate',
  'assembly', 'committee', 'union', 'bank', 'fund', 'times', 'post', 'news', 'journal', 'tribune', 'herald',
  'gazette', 'telegraph', 'guardian', 'chronicle', 'press', 'radio', 'television', 'tv', 'sport', 'sports',
  'live', 'network', 'media', 'corp', 'corp.', 'corporation', 'inc', 'inc.', 'ltd', 'ltd.', 'llc', 'plc',
  'group', 'holdings', 'partners', 'capital', 'energy', 'airlines', 'airways', 'motors', 'technologies',
  'systems', 'industries', 'company', 'co.', 'party', 'university', 'college', 'institute', 'school',
  'academy', 'office', 'service', 'services', 'authority', 'board', 'court', 'tribunal', 'police', 'army',
  'navy', 'forces', 'guard', 'association', 'federation', 'league', 'club', 'foundation', 'organization',
  'organisation', 'alliance', 'coalition', 'movement', 'front', 'church', 'united', 'fc',
  'administration', 'bureau', 'directorate', 'secretariat', 'cabinet', 'government', 'kremlin', 'pentagon',
  'exchange', 'reserve', 'treasury', 'nations', 'brothers', 'electronics', 'pharmaceuticals', 'pharma',
  'semiconductor', 'semiconductors', 'software', 'telecom', 'telecommunications', 'petroleum', 'mining',
  'steel', 'chemicals', 'foods', 'insurance', 'investments', 'ventures', 'labs',
  'laboratories', 'solutions', 'entertainment', 'studios', 'pictures', 'records', 'publishing', 'logistics',
  'automotive', 'aerospace', 'robotics', 'bancorp', 'trust', 'agency', 'ag', 'sa', 'gmbh', 'nv',
];

/** Last words that make a capitalised name a place ("South China Sea", "Great Hall of the People"). */
const PLACE_CUES = [
  'sea', 'ocean', 'gulf', 'bay', 'strait', 'straits', 'channel', 'river', 'lake', 'mountain', 'mountains',
  'mount', 'hills', 'valley', 'island', 'islands', 'peninsula', 'desert', 'coast', 'cape', 'canal', 'hall',
  'square', 'street', 'avenue', 'road', 'bridge', 'park', 'palace', 'castle', 'tower', 'stadium', 'arena',
  'airport', 'station', 'harbour', 'harbor', 'port', 'province', 'prefecture', 'county', 'district',
  'region', 'territory', 'territories', 'republic', 'kingdom', 'emirates', 'states', 'city',
  'town', 'village', 'oblast', 'plaza', 'building', 'house',
];

/**
 * Words that name an office, rank or role. In front of a name they are a title, not part of the name
 * ("Secretary of State Antony Blinken"); lower-cased before a name they mark it as a person
 * ("spokesman Wang Wenbin").
 */
const TITLE_HEADS = [
  'president', 'president-elect', 'vice-president', 'secretary', 'secretary-general', 'minister', 'chancellor',
  'speaker', 'premier', 'senator', 'sen.', 'sen', 'rep.', 'representative', 'congressman', 'congresswoman',
  'governor', 'gov.', 'mayor', 'judge', 'justice', 'attorney', 'general', 'gen.', 'spokesman',
  'spokeswoman', 'spokesperson', 'ambassador', 'envoy', 'chairman', 'chairwoman', 'chair', 'ceo',
  'director', 'commissioner', 'coach', 'manager', 'captain', 'referee', 'king', 'queen', 'prince',
  'princess', 'pope', 'archbishop', 'bishop', 'cardinal', 'rabbi', 'imam', 'sheikh', 'emir', 'sultan',
  'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'dr', 'dr.', 'prof', 'prof.', 'professor', 'sir', 'dame',
  'lord', 'lady', 'lt.', 'col.', 'maj.', 'sgt.', 'adm.', 'admiral', 'colonel', 'lieutenant', 'sergeant',
  'commander', 'officer', 'detective', 'inspector', 'superintendent', 'leader', 'head', 'founder',
  'striker', 'defender', 'midfielder', 'goalkeeper', 'winger', 'analyst', 'economist', 'prosecutor',
  'counsel', 'lawyer', 'dean', 'deputy', 'chief', 'diplomat', 'counterpart', 'official', 'president',
  'executive', 'boss', 'reporter', 'correspondent', 'editor', 'author', 'photographer', 'founder',
  'co-founder', 'partner', 'player', 'forward', 'trainer', 'rapporteur', 'magistrate', 'attorney-general',
  'prime', 'vice', 'crown',
];

/** Capitalised words that may stand in a title before its head ("Foreign", "Public Security"). */
const TITLE_MODIFIERS = [
  'foreign', 'defense', 'defence', 'interior', 'home', 'finance', 'financial', 'treasury', 'economy',
  'economic', 'economics', 'trade', 'commerce', 'justice', 'health', 'education', 'energy', 'environment',
  'public', 'security', 'deputy', 'vice', 'prime', 'former', 'acting', 'interim', 'chief', 'executive',
  'senior', 'assistant', 'associate', 'under', 'principal', 'general', 'attorney', 'district', 'federal',
  'state', 'national', 'affairs', 'labour', 'labor', 'culture', 'transport', 'agriculture', 'development',
  'immigration', 'digital', 'climate', 'head', 'supreme', 'high', 'grand', 'european', 'defence',
  'information', 'communications', 'international', 'industry', 'science', 'technology', 'sports',
  'opposition', 'majority', 'minority', 'house', 'senate', 'staff', 'commons', 'lords', 'representatives',
  'homeland', 'veterans', 'housing', 'police', 'council', 'foreign affairs', 'armed', 'forces', 'naval',
  'first', 'lady', 'crown', 'shadow', 'then', 'managing', 'operating', 'technical', 'sporting', 'team',
];

let countryIndex: Map<string, string> | undefined;
let nationalSet: Set<string> | undefined;

/** Adjectives of regions and peoples beyond single countries; unlike national ones they start names ("European Union"). */
const REGIONAL_ADJECTIVES = new Set([
  'european', 'asian', 'african', 'arab', 'western', 'eastern', 'northern', 'southern', 'latin', 'nordic',
  'balkan', 'scandinavian', 'caucasian', 'hispanic', 'soviet', 'kurdish', 'palestinian', 'catalan', 'basque',
  'flemish', 'middle eastern', 'english', 'scottish', 'welsh', 'transatlantic', 'islamic', 'jewish', 'muslim',
  'christian', 'catholic', 'sunni', 'shia', 'shiite',
]);
let placeSet: Set<string> | undefined;

function loadCountries(): void {
  if (countryIndex) return;
  // Names and demonyms of the world-countries package, extracted by scripts/generate-countries.mjs.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const list = require('./countries.json') as CountryRecord[];
  const index = new Map<string, string>();
  const national = new Set<string>();
  for (const { common, names, demonyms } of list) {
    for (const n of [common, ...names]) {
      // Two-letter codes are ordinary words too often ("IN", "IT"); the useful ones are listed by hand.
      if (n.length < 4 || /[^\p{Script=Latin}\s'’.,()-]/u.test(n)) continue;
      index.set(normalize(n), common);
    }
    for (const d of demonyms) national.add(normalize(d));
  }
  for (const [k, v] of Object.entries(COUNTRY_ABBREVIATIONS)) index.set(k, v);
  countryIndex = index;
  nationalSet = national;
}

function loadPlaces(): Set<string> {
  if (placeSet) return placeSet;
  const set = new Set<string>();
  for (const r of REGIONS) set.add(normalize(r));
  for (const s of US_STATES) set.add(normalize(s));
  // Cities of 100,000 people or more and capitals, extracted by scripts/generate-cities.mjs.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  for (const name of require('./cities.json') as string[]) set.add(normalize(name));
  placeSet = set;
  return set;
}

/** The common English name of the country `name` names ("U.S." → "United States"), or undefined. */
export function countryOf(name: string): string | undefined {
  loadCountries();
  return countryIndex!.get(normalize(name));
}

/** True for a national or regional adjective ("Chinese", "North Korean", "European"). */
export function isDemonym(word: string): boolean {
  return isNationalDemonym(word) || REGIONAL_ADJECTIVES.has(normalize(word));
}

/** True for a country's adjective ("Chinese", "North Korean"), which qualifies a name without being part of it. */
export function isNationalDemonym(word: string): boolean {
  loadCountries();
  return nationalSet!.has(normalize(word));
}

/** True for a country, region, US state or large city name. */
export function isPlaceName(name: string): boolean {
  return countryOf(name) !== undefined || loadPlaces().has(normalize(name));
}

const outletSet = new Set(OUTLETS.map(normalize));
const orgCueSet = new Set(ORG_CUES);
const placeCueSet = new Set(PLACE_CUES);
const titleHeadSet = new Set(TITLE_HEADS);
const titleModifierSet = new Set(TITLE_MODIFIERS);

export function isOutlet(name: string): boolean {
  return outletSet.has(normalize(name));
}

const bodySet = new Set(BODIES.map(normalize));

/** True for an international body or a seat of government that stands for one ("NATO", "the Kremlin"). */
export function isBody(name: string): boolean {
  return bodySet.has(normalize(name));
}

export function isOrgCue(word: string): boolean {
  return orgCueSet.has(normalize(word));
}

export function isPlaceCue(word: string): boolean {
  return placeCueSet.has(normalize(word));
}

export function isTitleHead(word: string): boolean {
  return titleHeadSet.has(normalize(word));
}

export function isTitleModifier(word: string): boolean {
  const w = normalize(word);
  return titleModifierSet.has(w) || w.startsWith('then-') || w.startsWith('ex-');
}

/** What a list says a phrase is, for the tagger's gazetteer features. */
export type ListKind = 'country' | 'region' | 'state' | 'city' | 'outlet' | 'demonym' | 'body';

/**
 * Every phrase of the lists with the list it comes from, normalised: the tagger matches them over
 * tokens. A phrase in several lists is given once per list.
 */
export function listEntries(): [string, ListKind][] {
  loadCountries();
  const out: [string, ListKind][] = [];
  for (const k of countryIndex!.keys()) out.push([k, 'country']);
  for (const r of REGIONS) out.push([normalize(r), 'region']);
  for (const s of US_STATES) out.push([normalize(s), 'state']);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  for (const name of require('./cities.json') as string[]) out.push([normalize(name), 'city']);
  for (const o of OUTLETS) out.push([normalize(o), 'outlet']);
  for (const d of nationalSet!) out.push([d, 'demonym']);
  for (const d of REGIONAL_ADJECTIVES) out.push([d, 'demonym']);
  for (const b of BODIES) out.push([normalize(b), 'body']);
  return out;
}
