import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { t } from '@/lib/i18n';
import { textWidth } from './format';

// What every insights chart shares: keyboard and mouse tooltips, a spoken
// readout of the focused mark, and the same figures as a table.

/**
 * Which mark is active (hovered or reached by keyboard). The chart itself is
 * one tab stop; arrow keys move along (and, with `columns`, up and down a
 * grid), Home/End jump, Escape hides the tooltip.
 */
export function useMarks(count: number, columns = count) {
  const [active, setActive] = useState<number>();
  const move = (e: KeyboardEvent) => {
    const from = active ?? 0;
    const steps: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: columns, ArrowUp: -columns };
    let next: number | undefined;
    if (e.key in steps) next = active === undefined ? 0 : Math.max(0, Math.min(count - 1, from + steps[e.key]!));
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = count - 1;
    else if (e.key === 'Escape') {
      setActive(undefined);
      return;
    } else return;
    e.preventDefault();
    setActive(next);
  };
  return {
    active,
    setActive,
    svgProps: {
      tabIndex: 0,
      onKeyDown: move,
      onFocus: () => setActive((a) => a ?? 0),
      onBlur: () => setActive(undefined),
      onMouseLeave: () => setActive(undefined),
    },
  };
}

/** A tooltip drawn in the chart's own SVG (no inline styles: the page's CSP allows none), kept inside its width. */
export function Tip({ x, y, text, width }: { x: number; y: number; text: string; width: number }) {
  const w = Math.min(width - 4, textWidth(text) + 14);
  const left = Math.max(2, Math.min(width - w - 2, x - w / 2));
  const top = y - 30 < 2 ? y + 10 : y - 30;
  return (
    <g className="chart-tip" pointerEvents="none" data-testid="chart-tip">
      <rect x={left} y={top} width={w} height={24} rx={4} />
      <text x={left + 7} y={top + 16}>
        {text}
      </text>
    </g>
  );
}

export interface TableData {
  caption: string;
  headers: string[];
  /** The first cell of each row names it (a row header). */
  rows: string[][];
}

/** The chart's figures as a table, folded under "Show as table". */
export function FigureTable({ table, testId, open }: { table: TableData; testId: string; open?: boolean }) {
  return (
    <details className="chart-table" open={open}>
      <summary>{t('ins.showTable')}</summary>
      <div className="table-scroll">
        <table data-testid={testId}>
          <caption>{table.caption}</caption>
          <thead>
            <tr>
              {table.headers.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row[0]}>
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={i}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** The active mark's text for screen readers (the SVG tooltip is drawn, not read). */
export function Readout({ text }: { text: string | undefined }) {
  return (
    <p className="sr-only" aria-live="polite">
      {text ?? ''}
    </p>
  );
}

export function ChartFigure({ children, table, testId }: { children: ReactNode; table: TableData; testId: string }) {
  return (
    <figure className="ins-figure" data-testid={testId}>
      {children}
      <FigureTable table={table} testId={`${testId}-table`} />
    </figure>
  );
}
