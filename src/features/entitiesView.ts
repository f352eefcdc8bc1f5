import * as vscode from 'vscode';
import { showHint } from './hint';
import type { CorpusMention } from '../core/corpus';
import type { EntityType } from '../core/types';
import { Commands, Views } from './present/commandIds';
import { uriOfKey } from './convert';
import { plural } from '../core/text/plural';
import { entityTypeName } from './present/hoverContent';
import { articleCountUri } from './countBadges';
import { createIndexedTreeView } from './indexedTreeView';
import { lineIndexOf } from './present/lineIndex';
import { escapeMarkdown, plainText } from './present/markdown';
import type { Services } from './services';
import { groupEntities, lineContext, type ArticleMentions, type EntityGroup, type EntitySummary } from './present/treeModel';

/** A row of the Entities view: a type group, an entity, an article naming it, or one mention. */
export type EntityNode =
  | { readonly kind: 'group'; readonly group: EntityGroup }
  | { readonly kind: 'entity'; readonly summary: EntitySummary; readonly parent: EntityNode }
  | { readonly kind: 'article'; readonly summary: EntitySummary; readonly article: ArticleMentions; readonly parent: EntityNode }
  | { readonly kind: 'mention'; readonly mention: CorpusMention; readonly entityId: string; readonly parent: EntityNode };

const ICONS: Record<EntityType, string> = { person: 'person', place: 'location', organization: 'organization' };

/**
 * The Entities view: people, organisations and places, each with how often and where it is mentioned,
 * expanding to the articles and then to each mention in its line.
 */
export function registerEntitiesView(services: Services): vscode.Disposable {
  const { articles, corpus } = services;
  let roots: EntityNode[] | undefined;

  const model = (): EntityNode[] => (roots ??= groupEntities(corpus).map((group) => ({ kind: 'group', group })));

  const { view, disposable } = createIndexedTreeView<EntityNode>(articles, 'entities', Views.entities, {
    getChildren(node) {
      if (!node) return model();
      switch (node.kind) {
        case 'group':
          return node.group.entities.map((summary) => ({ kind: 'entity', summary, parent: node }));
        case 'entity':
          return node.summary.articles.map((article) => ({ kind: 'article', summary: node.summary, article, parent: node }));
        case 'article':
          return node.article.mentions.map((mention) => ({ kind: 'mention', mention, entityId: node.summary.entity.id, parent: node }));
        case 'mention':
          return [];
      }
    },
    getParent(node) {
      return node.kind === 'group' ? undefined : node.parent;
    },
    getTreeItem(node) {
      return treeItem(node, services);
    },
  }, () => {
    roots = undefined;
  });

  const reveal = async (arg?: unknown): Promise<void> => {
    const entityId = typeof arg === 'string' ? arg : await entityUnderCursor(services);
    if (!entityId) {
      showHint('Place the cursor on a name of a person, place or organisation to reveal it.');
      return;
    }
    roots = undefined;
    for (const root of model()) {
      if (root.kind !== 'group') continue;
      const summary = root.group.entities.find((s) => s.entity.id === entityId);
      if (summary) {
        await view.reveal({ kind: 'entity', summary, parent: root }, { select: true, focus: true, expand: true });
        return;
      }
    }
    showHint('That name is not in the Entities view yet.');
  };

  return vscode.Disposable.from(disposable, vscode.commands.registerCommand(Commands.revealEntity, reveal));
}

/** The entity of the mention under the cursor of the active editor, if any. */
export async function entityUnderCursor(services: Services): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !(await services.articles.analyse(editor.document))) return undefined;
  const mention = services.corpus.mentionAt(editor.document.uri.toString(), editor.document.offsetAt(editor.selection.active));
  return mention?.entity ?? undefined;
}

/** How a row of the Entities view shows: article text stays plain text (labels, descriptions, tooltips). */
export function treeItem(node: EntityNode, services: Pick<Services, 'corpus'>): vscode.TreeItem {
  switch (node.kind) {
    case 'group': {
      const item = new vscode.TreeItem(node.group.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${node.group.type}`;
      item.description = String(node.group.entities.length);
      item.iconPath = new vscode.ThemeIcon(ICONS[node.group.type]);
      item.contextValue = 'crosswire.entityGroup';
      return item;
    }
    case 'entity': {
      const { entity, mentionCount, articleCount } = node.summary;
      const item = new vscode.TreeItem(plainText(entity.name), vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `entity:${entity.id}`;
      // The article count is the row's badge, which a narrow side bar never cuts off; the description
      // after a long name may be.
      item.description = `${plural(mentionCount, 'mention')}${entity.corrected ? ' · corrected' : ''}`;
      item.resourceUri = articleCountUri(item.id, articleCount);
      item.iconPath = new vscode.ThemeIcon(ICONS[entity.type]);
      item.contextValue = 'crosswire.entity';
      const tooltip = new vscode.MarkdownString(undefined, false);
      tooltip.appendMarkdown(`**${escapeMarkdown(entity.name)}** · ${entityTypeName(entity.type)}\n\n`);
      tooltip.appendMarkdown(`Mentioned ${plural(mentionCount, 'time')} in ${plural(articleCount, 'article')}\n\n`);
      if (entity.aliases.length > 0) tooltip.appendMarkdown(`Also written: ${entity.aliases.map(escapeMarkdown).join(' · ')}`);
      item.tooltip = tooltip;
      return item;
    }
    case 'article': {
      const { article } = node;
      const item = new vscode.TreeItem(plainText(article.title), vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `article:${node.summary.entity.id}:${article.uri}`;
      item.description = plural(article.mentions.length, 'mention');
      item.resourceUri = uriOfKey(article.uri);
      item.iconPath = vscode.ThemeIcon.File;
      item.tooltip = plainText(vscode.workspace.asRelativePath(item.resourceUri));
      const first = article.mentions[0];
      if (first) {
        item.command = { command: Commands.openLocation, title: 'Open First Mention', arguments: [article.uri, first.start, first.end] };
      }
      return item;
    }
    case 'mention': {
      const { mention } = node;
      const analysis = services.corpus.document(mention.uri);
      const text = analysis?.text ?? '';
      const context = lineContext(text, mention.start, mention.end);
      const line = analysis ? lineIndexOf(analysis).positionAt(mention.start).line : 0;
      const item = new vscode.TreeItem({ label: context.text, highlights: [[context.highlight[0], context.highlight[1]]] });
      item.id = `mention:${mention.uri}:${mention.start}`;
      item.description = `line ${line + 1}`;
      item.tooltip = context.text;
      item.command = {
        command: Commands.openLocation,
        title: 'Open Mention',
        arguments: [mention.uri, mention.start, mention.end],
      };
      return item;
    }
  }
}
