/**
 * Corrections from the editor: commands, code actions and the editor's context menu on a quote or a
 * name, links in the cards. Each correction is added to `.crosswire/corrections.json` in the article's
 * workspace folder, through the workspace file system (an article is never written), and applied to
 * the corpus at once; the file is read again when it changes on disk (a `git pull`, another editor).
 */
import * as vscode from 'vscode';
import type { CorpusMention, CorpusQuote } from '../core/corpus';
import {
  bindCorrections, CORRECTION_TITLES, CORRECTIONS_PATH, describeCorrection, EMPTY_CORRECTIONS, MAX_CORRECTIONS_BYTES, parseCorrections,
  placeOf, serializeCorrections, type BoundCorrection, type Correction, type CorrectionsFile,
} from '../core/corrections';
import { linkedQuotes } from '../core/versions';
import type { EntityType, Span } from '../core/types';
import { corpusKey, registerForArticles, uriOfKey } from './convert';
import { Commands } from './present/commandIds';
import { entityTypeName } from './present/hoverContent';
import { escapeIcons, truncate } from './present/markdown';
import type { Services } from './services';

/** Where a correction made from a card, a code action or a menu applies: an article and an offset in it. */
export interface CorrectionTarget {
  readonly uri: string;
  readonly offset: number;
  /** The end of a selection, for Mark as Entity. */
  readonly end?: number;
}

const TYPES: readonly EntityType[] = ['person', 'place', 'organization'];

/** Longest selection Mark as Entity takes: a name, not a paragraph. */
const MAX_NAME_LENGTH = 200;

interface FolderCorrections {
  readonly folder: vscode.WorkspaceFolder;
  file: CorrectionsFile;
}

export function registerCorrections(services: Services): vscode.Disposable {
  const { corpus, articles, log, settings } = services;
  const folders = new Map<string, FolderCorrections>();
  /** Folders in the order corrections were last added to them, for Undo. */
  const history: string[] = [];

  const fileUri = (folder: vscode.WorkspaceFolder): vscode.Uri => vscode.Uri.joinPath(folder.uri, ...CORRECTIONS_PATH.split('/'));

  const read = async (folder: vscode.WorkspaceFolder): Promise<CorrectionsFile> => {
    const uri = fileUri(folder);
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > MAX_CORRECTIONS_BYTES) return { ...EMPTY_CORRECTIONS, problems: [`${CORRECTIONS_PATH} is larger than ${MAX_CORRECTIONS_BYTES / 1024 / 1024} MB; no correction applied`] };
      return parseCorrections(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
    } catch (e) {
      if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return EMPTY_CORRECTIONS;
      return { ...EMPTY_CORRECTIONS, problems: [`${CORRECTIONS_PATH} cannot be read (${(e as Error).message}); no correction applied`] };
    }
  };

  /** Every folder's corrections, bound to corpus keys, one list with each folder's indices after the previous folder's. */
  const bound = (): { list: BoundCorrection[]; ranges: { folder: FolderCorrections; from: number; to: number }[] } => {
    const list: BoundCorrection[] = [];
    const ranges: { folder: FolderCorrections; from: number; to: number }[] = [];
    let offset = 0;
    for (const f of folders.values()) {
      const keyOf = (article: string): string => corpusKey(vscode.Uri.joinPath(f.folder.uri, ...article.split('/')));
      list.push(...bindCorrections(f.file.corrections, keyOf).map((b) => ({ ...b, index: b.index + offset })));
      ranges.push({ folder: f, from: offset, to: offset + f.file.entries.length });
      offset += f.file.entries.length;
    }
    return { list, ranges };
  };

  const apply = (): void => {
    corpus.setCorrections(bound().list);
  };

  /** Says in the log which corrections could not be applied to the finished index. */
  const report = (): void => {
    const { ranges } = bound();
    const outcomes = corpus.correctionOutcomes();
    for (const { folder, from, to } of ranges) {
      for (const p of folder.file.problems) log.warn(`${folder.folder.name}: ${p}`);
      for (const o of outcomes) {
        if (o.index < from || o.index >= to || (o.status !== 'lost' && o.status !== 'conflict')) continue;
        log.warn(`${folder.folder.name}: ${CORRECTIONS_PATH}: correction ${o.index - from + 1} (${CORRECTION_TITLES[o.kind]}) not applied: ${o.message}`);
      }
    }
  };

  const load = async (): Promise<void> => {
    folders.clear();
    for (const folder of vscode.workspace.workspaceFolders ?? []) folders.set(folder.uri.toString(), { folder, file: await read(folder) });
    apply();
    report();
  };

  const reload = async (folder: vscode.WorkspaceFolder): Promise<void> => {
    const entry = folders.get(folder.uri.toString());
    if (!entry) return;
    const file = await read(folder);
    if (serializeCorrections(file.entries) === serializeCorrections(entry.file.entries)) return;
    entry.file = file;
    apply();
    report();
  };

  const write = async (entry: FolderCorrections, entries: readonly unknown[]): Promise<void> => {
    const uri = fileUri(entry.folder);
    // Settings could make the file an article; Crosswire never writes one.
    if (articles.isArticle(uri)) throw new Error(`${CORRECTIONS_PATH} is among the articles under the current settings; no correction saved`);
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    const text = serializeCorrections(entries);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    entry.file = parseCorrections(text);
    apply();
  };

  /** Runs a write of the corrections file, saying so when it fails; true when it was written. */
  const saved = async (run: () => Promise<void>): Promise<boolean> => {
    try {
      await run();
      return true;
    } catch (e) {
      log.error(`Corrections not saved: ${(e as Error).message}`);
      void vscode.window.showErrorMessage(`Crosswire could not save the correction: ${(e as Error).message}`);
      return false;
    }
  };

  /** The workspace folder an article is in, and its path there; undefined outside every folder. */
  const articleOf = (key: string): { entry: FolderCorrections; article: string } | undefined => {
    const uri = uriOfKey(key);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const entry = folder && folders.get(folder.uri.toString());
    if (!folder || !entry) return undefined;
    const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
    return uri.path.startsWith(base) ? { entry, article: uri.path.slice(base.length) } : undefined;
  };

  const add = async (key: string, make: (article: string) => Correction): Promise<void> => {
    const where = articleOf(key);
    if (!where) {
      void vscode.window.showWarningMessage('Corrections are kept in the workspace folder: open the article from the workspace to correct it.');
      return;
    }
    const correction = make(where.article);
    if (!(await saved(() => write(where.entry, [...where.entry.file.entries, correction])))) return;
    history.push(where.entry.folder.uri.toString());
    log.info(`Correction saved in ${where.entry.folder.name}/${CORRECTIONS_PATH}: ${describeCorrection(correction)}`);
    vscode.window.setStatusBarMessage(`$(check) Crosswire: ${escapeIcons(describeCorrection(correction))}`, 6000);
  };

  const undo = async (): Promise<void> => {
    const active = vscode.window.activeTextEditor?.document.uri;
    const activeFolder = active && vscode.workspace.getWorkspaceFolder(active)?.uri.toString();
    const key = history.pop() ?? (activeFolder && folders.get(activeFolder)?.file.entries.length ? activeFolder : [...folders.keys()].find((k) => folders.get(k)!.file.entries.length > 0));
    const entry = key ? folders.get(key) : undefined;
    if (!entry || entry.file.entries.length === 0) {
      void vscode.window.showInformationMessage('There is no correction to undo.');
      return;
    }
    const last = entry.file.corrections.find((c) => c.index === entry.file.entries.length - 1)?.correction;
    if (!(await saved(() => write(entry, entry.file.entries.slice(0, -1))))) return;
    const what = last ? describeCorrection(last) : 'the last entry of the corrections file';
    log.info(`Correction undone in ${entry.folder.name}/${CORRECTIONS_PATH}: ${what}`);
    vscode.window.setStatusBarMessage(`$(discard) Crosswire: undone: ${escapeIcons(what)}`, 6000);
  };

  /** The analysed text of an article and the place a command is for: its argument, else the active editor's cursor. */
  const targetOf = async (arg: unknown): Promise<{ key: string; text: string; offset: number; end: number } | undefined> => {
    if (isTarget(arg)) {
      const doc = corpus.document(arg.uri);
      return doc && { key: arg.uri, text: doc.text, offset: arg.offset, end: arg.end ?? arg.offset };
    }
    const editor = vscode.window.activeTextEditor;
    if (!editor || !(await articles.analyse(editor.document))) return undefined;
    const key = corpusKey(editor.document.uri);
    const doc = corpus.document(key);
    if (!doc) return undefined;
    return { key, text: doc.text, offset: editor.document.offsetAt(editor.selection.active), end: editor.document.offsetAt(editor.selection.end) };
  };

  const quoteOf = async (arg: unknown): Promise<{ quote: CorpusQuote; text: string } | undefined> => {
    const id = quoteIdOf(arg);
    if (id !== undefined) {
      const quote = corpus.quote(id);
      const doc = quote && corpus.document(quote.uri);
      return quote && doc ? { quote, text: doc.text } : undefined;
    }
    const t = await targetOf(arg);
    const quote = t && corpus.quoteAt(t.key, t.offset);
    if (!t || !quote) {
      void vscode.window.showInformationMessage('Place the cursor in a quote to correct it.');
      return undefined;
    }
    return { quote, text: t.text };
  };

  const mentionOf = async (arg: unknown): Promise<{ mention: CorpusMention; text: string } | undefined> => {
    const t = await targetOf(arg);
    const mention = t && corpus.mentionAt(t.key, t.offset);
    if (!t || !mention) {
      void vscode.window.showInformationMessage('Place the cursor on a name of a person, place or organisation to correct it.');
      return undefined;
    }
    return { mention, text: t.text };
  };

  const quoteSpan = (q: CorpusQuote): Span => ({ start: q.start, end: q.end });

  const setSpeaker = async (arg: unknown): Promise<void> => {
    const found = await quoteOf(arg);
    if (!found) return;
    const { quote, text } = found;
    const name = await pickSpeaker(services, quote);
    if (!name) return;
    await add(quote.uri, (article) => ({ kind: 'set-speaker', quote: placeOf(article, text, quoteSpan(quote)), speaker: name }));
  };

  const notAQuote = async (arg: unknown): Promise<void> => {
    const found = await quoteOf(arg);
    if (!found) return;
    await add(found.quote.uri, (article) => ({ kind: 'not-a-quote', quote: placeOf(article, found.text, quoteSpan(found.quote)) }));
  };

  const notAnEntity = async (arg: unknown): Promise<void> => {
    const found = await mentionOf(arg);
    if (!found) return;
    await add(found.mention.uri, (article) => ({ kind: 'not-an-entity', name: placeOf(article, found.text, found.mention) }));
  };

  const changeType = async (arg: unknown): Promise<void> => {
    const found = await mentionOf(arg);
    if (!found) return;
    const type = await pickType(TYPES.filter((t) => t !== found.mention.type), `What is “${found.mention.text}”?`);
    if (!type) return;
    await add(found.mention.uri, (article) => ({ kind: 'change-type', name: placeOf(article, found.text, found.mention), type }));
  };

  const markAsEntity = async (arg: unknown): Promise<void> => {
    const t = await targetOf(arg);
    if (!t) return;
    const raw = t.text.slice(t.offset, t.end);
    // The selection without the white space around it, and within one line: a name.
    const start = t.offset + (raw.length - raw.trimStart().length);
    const end = t.end - (raw.length - raw.trimEnd().length);
    if (end <= start || end - start > MAX_NAME_LENGTH || /[\r\n]/.test(t.text.slice(start, end))) {
      void vscode.window.showInformationMessage('Select the name to mark (on one line) first.');
      return;
    }
    const words = t.text.slice(start, end);
    const type = await pickType(TYPES, `What is “${truncate(words, 60)}”?`);
    if (!type) return;
    await add(t.key, (article) => ({ kind: 'mark-as-entity', name: placeOf(article, t.text, { start, end }), type }));
  };

  const mergeEntities = async (arg: unknown): Promise<void> => {
    let from = typeof arg === 'string' ? corpus.entity(arg) : undefined;
    if (!from) {
      const found = await mentionOf(arg);
      from = found?.mention.entity ? corpus.entity(found.mention.entity) : undefined;
      if (found && !from) void vscode.window.showInformationMessage('This name is not tied to one entity: mark or retype it instead.');
    }
    if (!from) return;
    const source = from;
    const candidates = corpus.entities().filter((e) => e.type === source.type && e.id !== source.id);
    const picked = await vscode.window.showQuickPick(
      candidates.map((e) => ({ label: escapeIcons(e.name), description: escapeIcons(e.aliases.join(' · ')) || undefined, entity: e })),
      { title: `Merge ${escapeIcons(source.name)} into…`, placeHolder: 'The entity it is the same as', matchOnDescription: true },
    );
    if (!picked) return;
    const anywhere = corpus.mentionsOf(source.id)[0]?.uri ?? vscode.window.activeTextEditor?.document.uri.toString();
    if (!anywhere) return;
    await add(anywhere, () => ({ kind: 'merge-entities', entity: { name: source.name, type: source.type }, into: { name: picked.entity.name, type: picked.entity.type } }));
  };

  const splitFromEntity = async (arg: unknown): Promise<void> => {
    const found = await mentionOf(arg);
    if (!found) return;
    if (!found.mention.entity) {
      void vscode.window.showInformationMessage('This name is in no entity.');
      return;
    }
    await add(found.mention.uri, (article) => ({ kind: 'split-from-entity', name: placeOf(article, found.text, found.mention) }));
  };

  const pickQuote = async (quotes: readonly CorpusQuote[], title: string): Promise<CorpusQuote | undefined> => {
    const picked = await vscode.window.showQuickPick(
      quotes.map((q) => {
        const doc = corpus.document(q.uri);
        return {
          label: escapeIcons(`“${truncate(q.text, 90)}”`),
          description: escapeIcons([doc?.source ?? doc?.title ?? q.uri, q.speaker?.name ?? 'speaker not named'].join(' · ')),
          quote: q,
        };
      }),
      { title, matchOnDescription: true },
    );
    return picked?.quote;
  };

  const unlinkQuotes = async (arg: unknown): Promise<void> => {
    const found = await quoteOf(arg);
    if (!found) return;
    const versions = linkedQuotes(corpus, found.quote).map((v) => v.quote);
    if (versions.length === 0) {
      void vscode.window.showInformationMessage('This quote is linked to no other quote.');
      return;
    }
    const other = versions.length === 1 ? versions[0] : await pickQuote(versions, 'Unlink this quote from…');
    const otherDoc = other && corpus.document(other.uri);
    const otherPlace = other && otherDoc && articleOf(other.uri);
    if (!other || !otherDoc || !otherPlace) return;
    await add(found.quote.uri, (article) => ({
      kind: 'unlink-quotes',
      quotes: [placeOf(article, found.text, quoteSpan(found.quote)), placeOf(otherPlace.article, otherDoc.text, quoteSpan(other))],
    }));
  };

  const linkToQuote = async (arg: unknown): Promise<void> => {
    const found = await quoteOf(arg);
    if (!found) return;
    const linked = new Set(corpus.linkedIds(found.quote.id));
    const candidates = corpus.documents().flatMap((d) => d.quotes).filter((q) => q.id !== found.quote.id && !linked.has(q.id) && q.kind === found.quote.kind);
    const other = await pickQuote(candidates, 'Link this quote to…');
    const otherDoc = other && corpus.document(other.uri);
    const otherPlace = other && otherDoc && articleOf(other.uri);
    if (!other || !otherDoc || !otherPlace) return;
    await add(found.quote.uri, (article) => ({
      kind: 'link-quotes',
      quotes: [placeOf(article, found.text, quoteSpan(found.quote)), placeOf(otherPlace.article, otherDoc.text, quoteSpan(other))],
    }));
  };

  const actions: vscode.CodeActionProvider = {
    provideCodeActions(document, range) {
      const key = corpusKey(document.uri);
      if (!corpus.has(key)) return [];
      const offset = document.offsetAt(range.start);
      const end = document.offsetAt(range.end);
      const at: CorrectionTarget = { uri: key, offset };
      const out: vscode.CodeAction[] = [];
      const action = (title: string, command: string, args: unknown[]): void => {
        const a = new vscode.CodeAction(`Crosswire: ${title}`, vscode.CodeActionKind.Empty);
        a.command = { command, title, arguments: args };
        out.push(a);
      };
      const mention = corpus.mentionAt(key, offset);
      if (mention && (offset < mention.end || range.isEmpty)) {
        action(`Not an Entity (“${truncate(mention.text, 40)}”)`, Commands.notAnEntity, [at]);
        action('Change Type…', Commands.changeType, [at]);
        if (mention.entity) {
          action('Merge Entities…', Commands.mergeEntities, [at]);
          action('Split from Entity', Commands.splitFromEntity, [at]);
        }
      }
      if (!range.isEmpty && !(mention && mention.start === offset && mention.end === end)) action('Mark as Entity…', Commands.markAsEntity, [{ ...at, end }]);
      const quote = corpus.quoteAt(key, offset);
      if (quote) {
        action('Set Speaker…', Commands.setSpeaker, [quote.id]);
        action('Not a Quote', Commands.notAQuote, [quote.id]);
        if (corpus.linkedIds(quote.id).length > 0) action('Unlink These Quotes…', Commands.unlinkQuotes, [quote.id]);
        action('Link to Quote…', Commands.linkToQuote, [quote.id]);
      }
      return out;
    },
  };

  const watcher = vscode.workspace.createFileSystemWatcher(`**/${CORRECTIONS_PATH}`);
  const onFile = (uri: vscode.Uri): void => {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (folder && fileUri(folder).toString() === uri.toString()) void reload(folder);
  };
  void load();
  let wasRunning = articles.state.running;
  return vscode.Disposable.from(
    watcher,
    watcher.onDidCreate(onFile),
    watcher.onDidChange(onFile),
    watcher.onDidDelete(onFile),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void load()),
    articles.onDidChangeIndexState(() => {
      // Corrections are reported against the finished index, once per indexing.
      if (wasRunning && !articles.state.running) report();
      wasRunning = articles.state.running;
    }),
    vscode.commands.registerCommand(Commands.setSpeaker, setSpeaker),
    vscode.commands.registerCommand(Commands.notAQuote, notAQuote),
    vscode.commands.registerCommand(Commands.notAnEntity, notAnEntity),
    vscode.commands.registerCommand(Commands.changeType, changeType),
    vscode.commands.registerCommand(Commands.markAsEntity, markAsEntity),
    vscode.commands.registerCommand(Commands.mergeEntities, (arg: unknown) => mergeEntities(isEntityNode(arg) ? arg.summary.entity.id : arg)),
    vscode.commands.registerCommand(Commands.splitFromEntity, splitFromEntity),
    vscode.commands.registerCommand(Commands.unlinkQuotes, unlinkQuotes),
    vscode.commands.registerCommand(Commands.linkToQuote, linkToQuote),
    vscode.commands.registerCommand(Commands.undoCorrection, undo),
    registerForArticles(settings, (selector) => vscode.languages.registerCodeActionsProvider(selector, actions, { providedCodeActionKinds: [vscode.CodeActionKind.Empty] })),
  );
}

/**
 * Who said a quote: a quick pick of the people and organisations the article names, nearest first,
 * then the rest of the workspace's; typing a name not among them offers that name.
 */
async function pickSpeaker(services: Pick<Services, 'corpus'>, quote: CorpusQuote): Promise<string | undefined> {
  const { corpus } = services;
  const doc = corpus.document(quote.uri);
  const near = new Map<string, number>();
  for (const m of doc?.mentions ?? []) {
    if (m.type === 'place') continue;
    const name = (m.entity && corpus.entity(m.entity)?.name) || m.text;
    const d = Math.abs(m.start - quote.start);
    if (!near.has(name) || d < near.get(name)!) near.set(name, d);
  }
  const here = [...near.entries()].sort((a, b) => a[1] - b[1]).map(([name]) => name);
  const elsewhere = corpus.entities().filter((e) => e.type !== 'place' && !near.has(e.name)).map((e) => e.name);
  const base: (vscode.QuickPickItem & { name: string })[] = [
    ...here.map((name) => ({ label: escapeIcons(name), description: 'in this article', name })),
    ...elsewhere.map((name) => ({ label: escapeIcons(name), description: 'in the workspace', name })),
  ];
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { name: string }>();
  pick.title = `Who said “${escapeIcons(truncate(quote.text, 60))}”?`;
  pick.placeholder = quote.speaker ? `Now: ${escapeIcons(quote.speaker.name)}. Pick or type the speaker` : 'Pick or type the speaker';
  pick.items = base;
  pick.onDidChangeValue((value) => {
    const typed = value.trim();
    const exists = base.some((i) => i.name.toLowerCase() === typed.toLowerCase());
    pick.items = typed && !exists ? [{ label: escapeIcons(typed), description: 'another name', name: typed, alwaysShow: true }, ...base] : base;
  });
  return new Promise<string | undefined>((resolve) => {
    let done = false;
    pick.onDidAccept(() => {
      done = true;
      const chosen = pick.selectedItems[0]?.name ?? (pick.value.trim() || undefined);
      pick.hide();
      resolve(chosen);
    });
    pick.onDidHide(() => {
      pick.dispose();
      if (!done) resolve(undefined);
    });
    pick.show();
  });
}

async function pickType(types: readonly EntityType[], title: string): Promise<EntityType | undefined> {
  const picked = await vscode.window.showQuickPick(
    types.map((t) => ({ label: entityTypeName(t), type: t })),
    { title: escapeIcons(title) },
  );
  return picked?.type;
}

/** The quote a card's link or a row of the Quotes view names. */
function quoteIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (typeof arg !== 'object' || arg === null) return undefined;
  const node = arg as { kind?: unknown; quote?: { id?: unknown }; cluster?: { representative?: { id?: unknown } } };
  const id = node.kind === 'version' ? node.quote?.id : node.kind === 'cluster' ? node.cluster?.representative?.id : undefined;
  return typeof id === 'string' ? id : undefined;
}

function isTarget(arg: unknown): arg is CorrectionTarget {
  return typeof arg === 'object' && arg !== null && typeof (arg as CorrectionTarget).uri === 'string' && typeof (arg as CorrectionTarget).offset === 'number';
}

/** A row of the Entities view, as its context menu passes it. */
function isEntityNode(arg: unknown): arg is { summary: { entity: { id: string } } } {
  return typeof arg === 'object' && arg !== null && typeof (arg as { summary?: { entity?: { id?: unknown } } }).summary?.entity?.id === 'string';
}
