import * as assert from 'node:assert/strict';
import { marked } from 'marked';
import * as vscode from 'vscode';
import { HOVER_COMMANDS } from '../../../src/features/present/commandIds';
import { treeItem, type EntityNode } from '../../../src/features/entitiesView';
import { linkedVersions } from '../../../src/features/present/hoverContent';
import { entityItems, matchingQuoteItems, mentionItem, mentionItems } from '../../../src/features/navigation';
import { clusterItem, versionItem } from '../../../src/features/quotesView';
import { articlesOf, clusterQuotes, groupEntities } from '../../../src/features/present/treeModel';
import { articleUris, closeAll, crosswire, eventually, hoverText, open } from './helpers';

/** Markdown links, command links, HTML, an image, entities and theme icons, as an article may hold them. */
const TRAP = '[our page](command:workbench.action.files.newUntitledFile) <b>now</b> ![pic](https://example.invalid/p.png) &lt;3 $(bug)';
const HEADLINE = `Mayor [resigns](command:workbench.action.closeWindow) <img src=x onerror=alert(1)> $(alert) &amp; more`;
const ARTICLE_A = `${HEADLINE}\n\n“Read ${TRAP} before the vote on the harbour budget,” Mayor Ana Lopes said on Monday.\n\nLopes spoke in Porto.\n`;
const ARTICLE_B = `Second take: **bold** $(zap) <i>claims</i>\n\n“Read ${TRAP} before the vote on the harbour budget,” Ana Lopes told reporters.\n`;

/** What a reader sees of rendered Markdown: the HTML's text, with its links and images listed apart. */
function rendered(markdown: string): { text: string; links: string[]; images: number; tags: string[] } {
  const html = marked.parse(markdown, { gfm: true, async: false });
  const links = [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((m) => m[1]!);
  const tags = [...new Set([...html.matchAll(/<([a-z][a-z0-9]*)/g)].map((m) => m[1]!))];
  const text = html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
  return { text, links, images: (html.match(/<img/g) ?? []).length, tags };
}

/** VS Code draws `$(name)` as an icon in quick picks unless the `$` is escaped. */
const LIVE_ICON = /(?<!\\)\$\([a-z0-9-]+\)/i;

function markdownOf(value: string | vscode.MarkdownString | undefined): vscode.MarkdownString | undefined {
  return typeof value === 'object' ? value : undefined;
}

describe('article text is shown as plain text, never run', function () {
  this.timeout(60_000);
  let a: vscode.Uri;
  let b: vscode.Uri;

  before(async () => {
    const api = await crosswire();
    const folder = vscode.Uri.joinPath((await articleUris())[0]!, '..');
    a = vscode.Uri.joinPath(folder, 'zz-untrusted-a.txt');
    b = vscode.Uri.joinPath(folder, 'zz-untrusted-b.txt');
    await vscode.workspace.fs.writeFile(a, new TextEncoder().encode(ARTICLE_A));
    await vscode.workspace.fs.writeFile(b, new TextEncoder().encode(ARTICLE_B));
    await eventually(() => api.corpus.has(a.toString()) && api.corpus.has(b.toString()), 'the two articles to be indexed', 20_000);
    const quote = api.corpus.document(a.toString())!.quotes[0]!;
    await eventually(() => api.corpus.linksOf(quote.id).some((l) => api.corpus.uriOf(l.to) === b.toString()), 'the shared quote to be linked');
  });

  after(async () => {
    await closeAll();
    for (const uri of [a, b]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('in hovers: links, images, HTML and icons from the article are text, and only crosswire commands are linked', async () => {
    const api = await crosswire();
    const doc = api.corpus.document(a.toString())!;
    const quote = doc.quotes[0]!;
    const editor = await open(a);
    const card = rendered(await hoverText(a, editor.document.positionAt(quote.start + 2)));
    assert.match(card.text, /Also reported by/);
    const otherTitle = api.corpus.document(b.toString())!.title;
    assert.match(otherTitle, /\*\*bold\*\* \$\(zap\) <i>claims<\/i>/);
    assert.ok(card.text.includes(otherTitle), `the other article's title, as written:\n${card.text}`);
    assert.ok(card.text.includes('[our page](command:workbench.action.files.newUntitledFile)'), card.text);
    assert.ok(card.text.includes('<b>now</b>') && card.text.includes('&lt;3') && card.text.includes('$(bug)'), card.text);
    assert.equal(card.images, 0, 'no image');
    assert.deepEqual(card.tags.filter((t) => ['img', 'b', 'i', 'script', 'iframe'].includes(t)), [], 'no HTML from the article');
    assert.ok(card.links.length > 0);
    for (const link of card.links) {
      const command = /^command:([\w.]+)/.exec(link)?.[1];
      assert.ok(command && HOVER_COMMANDS.includes(command), `only crosswire's own commands are linked: ${link}`);
    }

    const mention = doc.mentions.find((m) => m.entity)!;
    const nameCard = rendered(await hoverText(a, editor.document.positionAt(mention.start)));
    for (const link of nameCard.links) assert.match(link, /^command:crosswire\./);
  });

  it('in the side-bar trees: labels and descriptions as written, tooltips without links, images or HTML', async () => {
    const api = await crosswire();
    const titleOf = (uri: string): string => api.corpus.document(uri)?.title ?? uri;
    const ours = api.corpus.documents().filter((d) => d.uri === a.toString() || d.uri === b.toString());
    const clusters = clusterQuotes(ours.flatMap((d) => d.quotes), (id) => api.corpus.linkedIds(id), titleOf);
    const items = clusters.flatMap((c) => [clusterItem(c, titleOf), ...c.versions.map((v) => versionItem(v, titleOf))]);
    for (const group of groupEntities(api.corpus)) {
      const groupNode: EntityNode = { kind: 'group', group };
      for (const summary of group.entities.filter((s) => s.articles.some((x) => x.uri === a.toString()))) {
        const entityNode: EntityNode = { kind: 'entity', summary, parent: groupNode };
        items.push(treeItem(entityNode, api));
        for (const article of summary.articles) {
          const articleNode: EntityNode = { kind: 'article', summary, article, parent: entityNode };
          items.push(treeItem(articleNode, api));
          for (const mention of article.mentions) items.push(treeItem({ kind: 'mention', mention, entityId: summary.entity.id, parent: articleNode }, api));
        }
      }
    }
    const labels = items.map((i) => (typeof i.label === 'object' ? i.label.label : i.label ?? '')).join('\n');
    assert.ok(labels.includes(HEADLINE), `the headline shows as written:\n${labels}`);
    assert.ok(labels.includes('[our page](command:workbench.action.files.newUntitledFile)'), labels);
    for (const item of items) {
      const tooltip = markdownOf(item.tooltip);
      if (!tooltip) continue;
      assert.ok(!tooltip.isTrusted, 'tooltips run no command');
      assert.ok(!tooltip.supportHtml && !tooltip.supportThemeIcons);
      const shown = rendered(tooltip.value);
      assert.deepEqual(shown.links, [], `no link in a tooltip:\n${tooltip.value}`);
      assert.equal(shown.images, 0);
      assert.deepEqual(shown.tags.filter((t) => ['img', 'b', 'i', 'script'].includes(t)), []);
    }
  });

  it('in quick picks: theme icon syntax from the article is escaped in labels, descriptions and details', async () => {
    const api = await crosswire();
    const quote = api.corpus.document(a.toString())!.quotes[0]!;
    const picks = [
      ...matchingQuoteItems(linkedVersions(api.corpus, quote)),
      ...entityItems(api.corpus.entities()),
      ...api.corpus.document(a.toString())!.mentions.flatMap((m) => (m.entity ? mentionItems(api, articlesOf(api.corpus, m.entity)) : [mentionItem(api, m)])),
    ];
    const texts = picks.flatMap((p) => [p.label, p.description ?? '', p.detail ?? '']);
    assert.ok(texts.some((t) => t.includes('\\$(zap)') || t.includes('\\$(bug)')), 'the article’s icon syntax reaches a pick, escaped');
    for (const t of texts) assert.doesNotMatch(t, LIVE_ICON, `an icon would be drawn in “${t}”`);
  });
});
