import * as vscode from 'vscode';
import type { ArticleWorkspace } from './articleWorkspace';
import { coalesce, indexingMessage, redrawsDuring, type IndexedView } from './present/viewSupport';

/** How long tree refreshes wait for more corpus changes, so indexing does not redraw per file. */
const REFRESH_DELAY_MS = 300;

/**
 * A side-bar tree over the corpus: it shows the indexing message while the workspace is indexed, and
 * redraws (after `invalidate` drops the view's cached model) a few times a second as documents change
 * outside indexing, and once as each indexing phase ends.
 */
export function createIndexedTreeView<T>(
  articles: Pick<ArticleWorkspace, 'state' | 'onDidChangeCorpus' | 'onDidChangeIndexState'>,
  kind: IndexedView,
  viewId: string,
  provider: Omit<vscode.TreeDataProvider<T>, 'onDidChangeTreeData'>,
  invalidate: () => void,
): { readonly view: vscode.TreeView<T>; readonly disposable: vscode.Disposable } {
  const changed = new vscode.EventEmitter<void>();
  const view = vscode.window.createTreeView(viewId, {
    treeDataProvider: { ...provider, onDidChangeTreeData: changed.event },
    showCollapseAll: true,
  });
  const showState = (): void => {
    view.message = indexingMessage(articles.state, kind);
  };
  showState();
  let phase = articles.state.phase;
  const refresh = coalesce(() => {
    invalidate();
    changed.fire();
  }, REFRESH_DELAY_MS);
  const disposable = vscode.Disposable.from(
    view,
    changed,
    articles.onDidChangeCorpus(() => {
      if (redrawsDuring(articles.state.phase)) refresh.schedule();
    }),
    articles.onDidChangeIndexState(() => {
      showState();
      if (articles.state.phase !== phase || !articles.state.running) refresh.schedule();
      phase = articles.state.phase;
    }),
    refresh,
  );
  return { view, disposable };
}
