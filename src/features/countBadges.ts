import * as vscode from 'vscode';
import { badgeText, badgeTooltip, badgeUriParts, COUNT_SCHEME, countOfQuery } from './present/countBadge';

/**
 * The URI that gives a tree row the badge of `articles` articles: set as the row's `resourceUri` (with
 * the row's own label, icon and tooltip, so nothing else of it shows).
 */
export function articleCountUri(rowId: string, articles: number): vscode.Uri {
  return vscode.Uri.from({ scheme: COUNT_SCHEME, ...badgeUriParts(rowId, articles) });
}

/**
 * Draws the article counts of the Entities and Quotes views' rows as badges at the rows' right end,
 * as file decorations, so a default-width side bar shows every count however long the label.
 */
export function registerCountBadges(): vscode.Disposable {
  return vscode.window.registerFileDecorationProvider({
    provideFileDecoration(uri) {
      if (uri.scheme !== COUNT_SCHEME) return undefined;
      const count = countOfQuery(uri.query);
      return count === undefined ? undefined : new vscode.FileDecoration(badgeText(count), badgeTooltip(count));
    },
  });
}
