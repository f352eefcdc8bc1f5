// The Coverage view's table. Everything from the articles is set as text (textContent), never as HTML.
// @ts-check
(function () {
  const vscode = acquireVsCodeApi();
  /** @type {any} */
  let model = null;
  let sortBy = 'carried';
  const STATE = { full: ['●', 'in full'], cut: ['◐', 'cut down'], reworded: ['≈', 'reworded'], absent: ['—', 'not carried'] };

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    Object.assign(node, props || {});
    for (const c of children) node.append(c);
    return node;
  }

  function render() {
    const root = document.getElementById('root');
    if (!root || !model) return;
    root.textContent = '';
    const shown = model.rows.length < model.totalRows || model.columns.length < model.totalColumns
      ? ` (showing ${model.rows.length} of ${model.totalRows} statements and ${model.columns.length} of ${model.totalColumns} articles; the CSV has them all)`
      : '';
    const exportButton = el('button', { type: 'button', textContent: 'Export CSV…', title: 'Save the whole table as CSV' });
    exportButton.addEventListener('click', () => vscode.postMessage({ type: 'export' }));
    const legend = el('p', { className: 'legend' }, ...Object.values(STATE).map(([mark, word]) => el('span', { textContent: `${mark} ${word}` })));
    root.append(el('header', {}, el('p', { textContent: `${model.totalRows} statements in ${model.totalColumns} articles${shown}` }), legend, exportButton));
    if (model.rows.length === 0) {
      root.append(el('p', { textContent: 'No statements found in the workspace’s articles yet.' }));
      return;
    }
    const rows = [...model.rows].sort((a, b) => (sortBy === 'carried' ? b.carriedBy - a.carriedBy || a.order - b.order : a.order - b.order));
    const table = el('table', { role: 'grid' });
    table.setAttribute('aria-label', 'Which article carries which statement');
    const head = el('tr');
    const statementHead = el('th', { className: 'sortable', textContent: 'Statement', tabIndex: 0, title: 'Sort by order of appearance' });
    const countHead = el('th', { className: 'sortable count', textContent: 'Articles', tabIndex: 0, title: 'Sort by how widely carried' });
    (sortBy === 'carried' ? countHead : statementHead).setAttribute('aria-sort', sortBy === 'carried' ? 'descending' : 'ascending');
    const sortOn = (key) => () => { sortBy = key; render(); };
    for (const [h, key] of [[statementHead, 'order'], [countHead, 'carried']]) {
      h.addEventListener('click', sortOn(key));
      h.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sortOn(key)(); } });
    }
    head.append(statementHead, countHead);
    for (const c of model.columns) head.append(el('th', { scope: 'col', textContent: c.date ? `${c.name} · ${c.date}` : c.name, title: c.title }));
    table.append(el('thead', {}, head));
    const body = el('tbody');
    for (const r of rows) {
      const tr = el('tr');
      tr.append(el('th', { scope: 'row', textContent: `“${r.text}”` }), el('td', { className: 'count', textContent: String(r.carriedBy) }));
      r.cells.forEach((cell, i) => {
        const [mark, word] = STATE[cell.state];
        const td = el('td', { className: cell.state, tabIndex: -1 }, el('span', { className: 'state', textContent: `${mark} ${word}` }));
        if (cell.speaker) td.append(el('span', { className: 'speaker', textContent: cell.speaker }));
        if (cell.text) td.append(el('span', { className: 'version', textContent: `“${cell.text.length > 90 ? cell.text.slice(0, 89) + '…' : cell.text}”` }));
        td.setAttribute('aria-label', `${model.columns[i].name}: ${word}${cell.speaker ? `, said by ${cell.speaker}` : ''}`);
        if (cell.quoteId) {
          const open = () => vscode.postMessage({ type: 'open', quoteId: cell.quoteId });
          td.addEventListener('click', open);
          td.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(); });
        }
        tr.append(td);
      });
      body.append(tr);
    }
    table.append(body);
    root.append(table);
    const first = table.querySelector('td[tabindex]');
    if (first) first.tabIndex = 0;
  }

  // Arrow keys move between cells; Enter opens the version.
  document.addEventListener('keydown', (e) => {
    const cell = /** @type {HTMLElement | null} */ (document.activeElement);
    if (!cell || cell.tagName !== 'TD') return;
    const row = /** @type {HTMLTableRowElement} */ (cell.parentElement);
    const col = /** @type {HTMLTableCellElement} */ (cell).cellIndex;
    let target = null;
    if (e.key === 'ArrowRight') target = cell.nextElementSibling;
    if (e.key === 'ArrowLeft') target = cell.previousElementSibling;
    if (e.key === 'ArrowDown') target = row.nextElementSibling && row.nextElementSibling.children[col];
    if (e.key === 'ArrowUp') target = row.previousElementSibling && row.previousElementSibling.children[col];
    if (target && target.tagName === 'TD') {
      e.preventDefault();
      cell.tabIndex = -1;
      /** @type {HTMLElement} */ (target).tabIndex = 0;
      /** @type {HTMLElement} */ (target).focus();
    }
  });

  window.addEventListener('message', (e) => {
    if (e.data && e.data.type === 'model') {
      model = e.data.model;
      vscode.setState({ sortBy });
      render();
    }
  });
  const saved = vscode.getState();
  if (saved && saved.sortBy) sortBy = saved.sortBy;
  vscode.postMessage({ type: 'ready' });
})();
