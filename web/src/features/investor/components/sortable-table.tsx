import { useState, type ReactNode } from 'react';

export interface Column<Row> {
  key: string;
  label: string;
  /** What the column sorts by; null sorts last whatever the direction. */
  sortValue: (row: Row) => number | string | null;
  render?: (row: Row) => ReactNode;
  /** Numbers align right. */
  numeric?: boolean;
}

export interface SortState {
  key: string;
  direction: 'ascending' | 'descending';
}

/** Rows in the order of one column; missing values last in both directions, ties in their given order. */
export function sortRows<Row>(rows: readonly Row[], column: Pick<Column<Row>, 'sortValue'>, direction: SortState['direction']): Row[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: column.sortValue(row) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
      const order = typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : String(a.value).localeCompare(String(b.value));
      return order === 0 ? a.index - b.index : order * sign;
    })
    .map((entry) => entry.row);
}

/**
 * A table sortable by any column (click a header; again to reverse), announced with aria-sort.
 * It scrolls sideways inside its own box on a narrow screen, never the page.
 */
export function SortableTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  initial,
  testId,
}: {
  caption: string;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  initial: SortState;
  testId?: string;
}) {
  const [sort, setSort] = useState<SortState>(initial);
  const column = columns.find((each) => each.key === sort.key) ?? columns[0]!;
  const sorted = sortRows(rows, column, sort.direction);
  return (
    <div className="table-scroll" data-testid={testId}>
      <table className="table sortable-table">
        <caption className="visually-hidden">{caption}, sortable by any column</caption>
        <thead>
          <tr>
            {columns.map((each) => {
              const active = each.key === sort.key;
              return (
                <th key={each.key} scope="col" aria-sort={active ? sort.direction : 'none'} className={each.numeric ? 'numeric' : undefined}>
                  <button
                    type="button"
                    className="sortable-table__sort"
                    onClick={() =>
                      setSort({
                        key: each.key,
                        direction: active ? (sort.direction === 'ascending' ? 'descending' : 'ascending') : each.numeric ? 'descending' : 'ascending',
                      })
                    }
                  >
                    {each.label}
                    <span aria-hidden="true">{active ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((each, index) =>
                index === 0 ? (
                  <th key={each.key} scope="row">
                    {each.render ? each.render(row) : String(each.sortValue(row) ?? '—')}
                  </th>
                ) : (
                  <td key={each.key} className={each.numeric ? 'numeric' : undefined}>
                    {each.render ? each.render(row) : String(each.sortValue(row) ?? '—')}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
