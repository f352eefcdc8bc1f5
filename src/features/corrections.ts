/**
 * Corrections from the editor: commands, code actions and the editor's context menu on a quote or a
 * name, links in the cards. Each correction is added to `.crosswire/corrections.json` in the article's
 * workspace folder, through the workspace file system (an article is never written), and applied to
 * the corpus at once; the file is read again when it changes on disk (a `git pull`, another editor).
 */
import * as vscode from 'vscode';
import type { CorpusMention, CorpusQuote } from '../core/corpus';
import {
  CORRECTIONS_PATH, describeCorrection, EMPTY_CORRECTIONS, MAX_CORRECTIONS_BYTES, parseCorrections, placeOf, serializeCorrections,
  type Correction, type CorrectionsFile,
} from '../core/corrections';
import { combineCorrections, unappliedCorrections, type CorrectionsFolder } from '../core/corrections/combined';
import { linkedQuotes } from '../core/versions';
import type { EntityType, Span } from '../core/types';
import { corpusKey, registerForArticles, uriOfKey } from './convert';
import { Commands } from './present/commandIds';
import {
  articlePath, correctionActions, ENTITY_TYPES, entityArgument, folderWithCorrections, isTarget, linkCandidates, quoteChoices, quoteIdOf,
  selectedName, speakerChoices, speakerPrompt, withTypedSpeaker, type SpeakerChoice,
} from './present/corrections';
import { entityTypeName } from './present/hoverContent';
import { showHint } from './hint';
import { escapeIcons, truncate } from './present/markdown';
import type { Services } from './services';

/** A workspace folder's corrections file, and how its articles are named in the corpus. */
interface FolderCorrections extends CorrectionsFolder {
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

  const apply = (): void => {
    corpus.setCorrections(combineCorrections(folders.values()).list);
  };

  /** Says in the log which corrections could not be applied to the finished index. */
  const report = (): void => {
    const outcomes = corpus.correctionOutcomes();
    for (const range of combineCorrections(folders.values()).ranges) {
      const { name } = range.folder.folder;
      for (const p of range.folder.file.problems) log.warn(`${name}: ${p}`);
      for (const line of unappliedCorrections(range, outcomes)) log.warn(`${name}: ${CORRECTIONS_PATH}: ${line}`);
    }
  };

  const load = async (): Promise<void> => {
    folders.clear();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const keyOf = (article: string): string => corpusKey(vscode.Uri.joinPath(folder.uri, ...article.split('/')));
      folders.set(folder.uri.toString(), { folder, file: await read(folder), keyOf });
    }
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
    const article = folder && entry && articlePath(folder.uri.path, uri.path);
    return entry && article !== undefined ? { entry, article } : undefined;
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
    const counts = new Map([...folders].map(([k, f]) => [k, f.file.entries.length]));
    const key = history.pop() ?? folderWithCorrections(activeFolder, counts);
    const entry = key ? folders.get(key) : undefined;
    if (!entry || entry.file.entries.length === 0) {
      showHint('There is no correction to undo.');
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
      showHint('Place the cursor in a quote to correct it.');
      return undefined;
    }
    return { quote, text: t.text };
  };

  const mentionOf = async (arg: unknown): Promise<{ mention: CorpusMention; text: string } | undefined> => {
    const t = await targetOf(arg);
    const mention = t && corpus.mentionAt(t.key, t.offset);
    if (!t || !mention) {
      showHint('Place the cursor on a name of a person, place or organisation to correct it.');
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
    const type = await pickType(ENTITY_TYPES.filter((t) => t !== found.mention.type), `What is “${found.mention.text}”?`);
    if (!type) return;
    await add(found.mention.uri, (article) => ({ kind: 'change-type', name: placeOf(article, found.text, found.mention), type }));
  };

  const markAsEntity = async (arg: unknown): Promise<void> => {
    const t = await targetOf(arg);
    if (!t) return;
    const name = selectedName(t.text, t.offset, t.end);
    if (!name) {
      showHint('Select the name to mark (on one line) first.');
      return;
    }
    const type = await pickType(ENTITY_TYPES, `What is “${truncate(t.text.slice(name.start, name.end), 60)}”?`);
    if (!type) return;
    await add(t.key, (article) => ({ kind: 'mark-as-entity', name: placeOf(article, t.text, name), type }));
  };

  const mergeEntities = async (arg: unknown): Promise<void> => {
    let from = typeof arg === 'string' ? corpus.entity(arg) : undefined;
    if (!from) {
      const found = await mentionOf(arg);
      from = found?.mention.entity ? corpus.entity(found.mention.entity) : undefined;
      if (found && !from) showHint('This name is not tied to one entity: mark or retype it instead.');
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
      showHint('This name is in no entity.');
      return;
    }
    await add(found.mention.uri, (article) => ({ kind: 'split-from-entity', name: placeOf(article, found.text, found.mention) }));
  };

  const pickQuote = async (quotes: readonly CorpusQuote[], title: string): Promise<CorpusQuote | undefined> => {
    const picked = await vscode.window.showQuickPick(quoteChoices(corpus, quotes), { title, matchOnDescription: true });
    return picked?.quote;
  };

  const unlinkQuotes = async (arg: unknown): Promise<void> => {
    const found = await quoteOf(arg);
    if (!found) return;
    const versions = linkedQuotes(corpus, found.quote).map((v) => v.quote);
    if (versions.length === 0) {
      showHint('This quote is linked to no other quote.');
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
    const other = await pickQuote(linkCandidates(corpus, found.quote), 'Link this quote to…');
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
      return correctionActions(corpus, key, document.offsetAt(range.start), document.offsetAt(range.end)).map(({ title, command, args }) => {
        const action = new vscode.CodeAction(`Crosswire: ${title}`, vscode.CodeActionKind.Empty);
        action.command = { command, title, arguments: [...args] };
        return action;
      });
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
    vscode.commands.registerCommand(Commands.mergeEntities, (arg: unknown) => mergeEntities(entityArgument(arg))),
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
  const base = speakerChoices(services.corpus, quote);
  const pick = vscode.window.createQuickPick<SpeakerChoice>();
  const { title, placeholder } = speakerPrompt(quote);
  pick.title = title;
  pick.placeholder = placeholder;
  pick.items = base;
  pick.onDidChangeValue((value) => {
    pick.items = withTypedSpeaker(base, value);
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
