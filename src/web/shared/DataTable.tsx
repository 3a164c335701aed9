import { Table, TableBody, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { isValidElement } from 'react';
import type { ReactNode } from 'react';
import { TableScroll } from './TableScroll';

/** A column heading with a class for its cell (e.g. `wb-numeric`). */
export interface DataTableColumnSpec {
  label: ReactNode;
  className?: string;
}

/** A column heading: its content, or content and class; `null` or `false` leaves the column out. */
export type DataTableColumn = ReactNode | DataTableColumnSpec;

function isSpec(column: DataTableColumn): column is DataTableColumnSpec {
  return typeof column === 'object' && column !== null && !isValidElement(column) && 'label' in column;
}

export interface DataTableProps {
  /** the scroll region's name when the table overflows */
  label: string;
  columns: DataTableColumn[];
  /** the rows */
  children: ReactNode;
  className?: string;
  /** a caption for screen readers only */
  caption?: string;
  /** the id of the heading that names the table */
  labelledBy?: string;
}

/**
 * A list table: column headings, then the rows given as children, inside a scroll container that
 * keyboard users can scroll when it overflows.
 */
export function DataTable({ label, columns, children, className, caption, labelledBy }: DataTableProps) {
  return (
    <TableScroll label={label}>
      <Table className={className} aria-labelledby={labelledBy}>
        {caption ? <caption className="wb-visually-hidden">{caption}</caption> : null}
        <TableHeader>
          <TableRow>
            {columns.map((column, index) =>
              column === null || column === undefined || column === false ? null : (
                <TableHeaderCell key={index} scope="col" className={isSpec(column) ? column.className : undefined}>
                  {isSpec(column) ? column.label : column}
                </TableHeaderCell>
              ),
            )}
          </TableRow>
        </TableHeader>
        <TableBody>{children}</TableBody>
      </Table>
    </TableScroll>
  );
}
