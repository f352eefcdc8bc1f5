import { strict as assert } from 'node:assert';
import { badgeText, badgeTooltip, badgeUriParts, countOfQuery } from '../../../../src/features/present/countBadge';

describe('the article counts of side-bar rows', () => {
  it('fit a badge of two characters at most, saying “9+” past 99 rather than a wrong figure', () => {
    assert.deepEqual([0, 1, 9, 42, 99, 100, 3000].map(badgeText), ['0', '1', '9', '42', '99', '9+', '9+']);
    for (const n of [0, 7, 99, 100, 12345]) assert.ok(badgeText(n).length <= 2, `${n}`);
  });

  it('say what they count when hovered', () => {
    assert.equal(badgeTooltip(1), 'In 1 article');
    assert.equal(badgeTooltip(5), 'In 5 articles');
  });

  it('travel in the row’s URI, each row its own, and are read back from it', () => {
    const a = badgeUriParts('entity:e1', 5);
    const b = badgeUriParts('cluster:q/7?x', 5);
    assert.notEqual(a.path, b.path);
    assert.ok(!b.path.slice(1).includes('/') && !b.path.includes('?'), b.path);
    assert.equal(countOfQuery(a.query), 5);
    assert.equal(countOfQuery('articles=x'), undefined);
    assert.equal(countOfQuery(''), undefined);
  });
});
