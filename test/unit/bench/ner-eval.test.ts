import { strict as assert } from 'node:assert';
import { evaluate, loadDevSet } from '../../../bench/ner-eval';

describe('entities: development set', () => {
  it('scores at least 0.9 F1 (exact span and type) on the seeds and on the other articles', function () {
    this.timeout(120000);
    const docs = loadDevSet();
    assert.ok(docs.filter((d) => d.group === 'seed').length === 5);
    assert.ok(docs.filter((d) => d.group === 'own').length >= 3);
    const all = evaluate(docs).report;
    assert.ok(all.overall.f1 >= 0.9, `overall F1 ${all.overall.f1.toFixed(3)}`);
    for (const group of ['seed', 'own'] as const) {
      const r = evaluate(docs.filter((d) => d.group === group)).report;
      assert.ok(r.overall.f1 >= 0.9, `${group} F1 ${r.overall.f1.toFixed(3)}`);
    }
  });
});
