import type { HTMLAttributes, ReactNode } from 'react';

/** One column: its header, and what each row shows in it. */
export interface TableColumn<T> {
  key: string;
  /** The header; also the label beside the value when the row is shown as a card. */
  header: string;
  cell: (row: T) => ReactNode;
  /**
   * The column naming the row (a booking code, a car park): the row's header cell in the table,
   * and the card's title on a narrow screen, without a label.
   */
  primary?: boolean;
  /** Kept on one line (codes, times, amounts); the table scrolls sideways rather than break them. */
  noWrap?: boolean;
  /** Right-aligned (amounts, counts). */
  numeric?: boolean;
  /** Hidden header (an actions column); the card shows the cell without a label. */
  headerHidden?: boolean;
}

/**
 * A data table that becomes a list of cards on a narrow screen (below 640 px): each row a card
 * titled by its primary cell, every other cell labelled with its column's header. One markup
 * for both, so screen readers get a real table everywhere and nothing is rendered twice.
 */
export function ResponsiveTable<T>({
  rows,
  columns,
  rowKey,
  caption,
  testId,
  rowProps,
  footer,
  className,
}: {
  rows: readonly T[];
  columns: readonly TableColumn<T>[];
  rowKey: (row: T) => string;
  caption?: string;
  testId?: string;
  /** Extra attributes per row, e.g. `data-booking-code` for tests and styles. */
  rowProps?: (row: T) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string | undefined>;
  /** A totals row: what each column key shows in it (the primary column's entry names the row, e.g. "Total"). */
  footer?: { cells: Partial<Record<string, ReactNode>>; props?: Record<`data-${string}`, string> };
  className?: string;
}) {
  return (
    <div className="table-scroll rtable-wrap">
      <table className={`table rtable${className ? ` ${className}` : ''}`} data-testid={testId}>
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={cellClass(column)}>
                {column.headerHidden ? <span className="visually-hidden">{column.header}</span> : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} {...rowProps?.(row)}>
              {columns.map((column) =>
                column.primary ? (
                  <th key={column.key} scope="row" className={cellClass(column, 'rtable__primary')}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.key} className={cellClass(column)} data-label={column.headerHidden ? undefined : column.header}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {footer && (
          <tfoot>
            <tr {...footer.props}>
              {columns.map((column) =>
                column.primary ? (
                  <th key={column.key} scope="row" className={cellClass(column, 'rtable__primary')}>
                    {footer.cells[column.key]}
                  </th>
                ) : (
                  <td key={column.key} className={cellClass(column)} data-label={column.headerHidden ? undefined : column.header}>
                    {footer.cells[column.key]}
                  </td>
                ),
              )}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

function cellClass(column: Pick<TableColumn<never>, 'noWrap' | 'numeric'>, extra?: string): string | undefined {
  const names = [extra, column.noWrap && 'rtable__nowrap', column.numeric && 'rtable__numeric'].filter(Boolean);
  return names.length ? names.join(' ') : undefined;
}
