/**
 * The `crosswire.*` settings as one typed object, read in one place. Pure: it takes a getter, so the
 * extension passes `workspace.getConfiguration('crosswire')` and tests pass a plain object.
 */

import type { EnableSetting } from './scope';

export const SETTINGS_SECTION = 'crosswire';

/** How statements are drawn in the editor. */
export type QuoteStyle = 'background' | 'underline';

/** Which names are drawn: every mention, the first of each name in a paragraph, or those inside statements. */
export type NameDensity = 'all' | 'firstInParagraph' | 'inQuotes';

export const NAME_DENSITIES: readonly NameDensity[] = ['all', 'firstInParagraph', 'inQuotes'];

/** Mirrors `contributes.configuration` in package.json, key for key. */
export interface Settings {
  /** Whether Crosswire works in this workspace: decided by the folder (`auto`), or set. */
  readonly enable: EnableSetting;
  /** Glob of the files treated as articles, relative to a workspace folder. */
  readonly articles: string;
  /** Globs of files never treated as articles. */
  readonly exclude: readonly string[];
  /** Files larger than this many KiB are skipped. */
  readonly maxFileSizeKB: number;
  readonly highlight: {
    /** Master switch; off too where Toggle Highlights hid the highlights in this workspace. */
    readonly enabled: boolean;
    readonly people: boolean;
    readonly places: boolean;
    readonly organisations: boolean;
    readonly statements: boolean;
    readonly terms: boolean;
    readonly speakers: boolean;
    readonly quoteStyle: QuoteStyle;
    readonly names: NameDensity;
    /** Names the recogniser is less sure of than this (0 to 1) are not drawn; 0 draws every one. */
    readonly minConfidence: number;
  };
  readonly hover: {
    readonly enabled: boolean;
    /** How many linked quotes a hover lists before summarising the rest. */
    readonly maxLinks: number;
  };
  /** How each kind of flag shows in the Problems panel, or `off`. */
  readonly flags: {
    readonly attribution: FlagLevel;
    readonly altered: FlagLevel;
    readonly singleSource: FlagLevel;
  };
  /** The count of other articles above each statement that others carry. */
  readonly codeLens: boolean;
  /** Another article's version opens beside the article being read, rather than in its place. */
  readonly openVersionsBeside: boolean;
}

/** How a flag shows: the Problems panel's severities, or not at all. */
export type FlagLevel = 'error' | 'warning' | 'information' | 'hint' | 'off';

const FLAG_LEVELS: readonly FlagLevel[] = ['error', 'warning', 'information', 'hint', 'off'];

/**
 * The largest `maxFileSizeKB` honoured (package.json's `maximum`): an article is never this long, and a
 * larger value would let one file hold the editor's memory and thread. Larger values are clamped.
 */
export const MAX_FILE_SIZE_KB_LIMIT = 10240;

export const DEFAULT_SETTINGS: Settings = {
  enable: 'auto',
  articles: '**/*.{txt,md}',
  exclude: ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/out/**', '**/.crosswire/**'],
  maxFileSizeKB: 1024,
  highlight: {
    enabled: true,
    people: true,
    places: true,
    organisations: true,
    statements: true,
    terms: true,
    speakers: true,
    quoteStyle: 'background',
    names: 'all',
    minConfidence: 0,
  },
  hover: { enabled: true, maxLinks: 5 },
  flags: { attribution: 'information', altered: 'information', singleSource: 'off' },
  codeLens: true,
  openVersionsBeside: true,
};

/** The subset of `vscode.WorkspaceConfiguration` the reader needs. */
export interface ConfigurationLike {
  get<T>(key: string): T | undefined;
}

/** Every key read below, relative to the section; package.json must declare exactly these. */
export const SETTING_KEYS = [
  'enable',
  'articles',
  'exclude',
  'maxFileSizeKB',
  'highlight.enabled',
  'highlight.people',
  'highlight.places',
  'highlight.organisations',
  'highlight.statements',
  'highlight.terms',
  'highlight.speakers',
  'highlight.quoteStyle',
  'highlight.names',
  'highlight.minConfidence',
  'hover.enabled',
  'hover.maxLinks',
  'flags.attribution',
  'flags.altered',
  'flags.singleSource',
  'codeLens.enabled',
  'openVersionsBeside',
] as const;

/** Reads the settings, falling back to the defaults for missing or ill-typed values. */
export function readSettings(config: ConfigurationLike): Settings {
  const d = DEFAULT_SETTINGS;
  const bool = (key: string, fallback: boolean): boolean => {
    const v = config.get<unknown>(key);
    return typeof v === 'boolean' ? v : fallback;
  };
  const num = (key: string, fallback: number, min: number): number => {
    const v = config.get<unknown>(key);
    return typeof v === 'number' && Number.isFinite(v) && v >= min ? v : fallback;
  };
  const articles = config.get<unknown>('articles');
  const exclude = config.get<unknown>('exclude');
  const quoteStyle = config.get<unknown>('highlight.quoteStyle');
  const enable = config.get<unknown>('enable');
  const names = config.get<unknown>('highlight.names');
  const level = (key: string, fallback: FlagLevel): FlagLevel => {
    const v = config.get<unknown>(key);
    return FLAG_LEVELS.includes(v as FlagLevel) ? (v as FlagLevel) : fallback;
  };
  return {
    enable: enable === 'on' || enable === 'off' || enable === 'auto' ? enable : d.enable,
    articles: typeof articles === 'string' && articles.trim() !== '' ? articles.trim() : d.articles,
    exclude: Array.isArray(exclude) ? exclude.filter((g): g is string => typeof g === 'string' && g.trim() !== '') : d.exclude,
    maxFileSizeKB: Math.min(num('maxFileSizeKB', d.maxFileSizeKB, 1), MAX_FILE_SIZE_KB_LIMIT),
    highlight: {
      enabled: bool('highlight.enabled', d.highlight.enabled),
      people: bool('highlight.people', d.highlight.people),
      places: bool('highlight.places', d.highlight.places),
      organisations: bool('highlight.organisations', d.highlight.organisations),
      statements: bool('highlight.statements', d.highlight.statements),
      terms: bool('highlight.terms', d.highlight.terms),
      speakers: bool('highlight.speakers', d.highlight.speakers),
      quoteStyle: quoteStyle === 'underline' || quoteStyle === 'background' ? quoteStyle : d.highlight.quoteStyle,
      names: NAME_DENSITIES.includes(names as NameDensity) ? (names as NameDensity) : d.highlight.names,
      minConfidence: Math.min(1, num('highlight.minConfidence', d.highlight.minConfidence, 0)),
    },
    hover: {
      enabled: bool('hover.enabled', d.hover.enabled),
      maxLinks: Math.floor(num('hover.maxLinks', d.hover.maxLinks, 0)),
    },
    flags: {
      attribution: level('flags.attribution', d.flags.attribution),
      altered: level('flags.altered', d.flags.altered),
      singleSource: level('flags.singleSource', d.flags.singleSource),
    },
    codeLens: bool('codeLens.enabled', d.codeLens),
    openVersionsBeside: bool('openVersionsBeside', d.openVersionsBeside),
  };
}
