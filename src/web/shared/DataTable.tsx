import { Table, TableBody, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { TableScroll } from './TableScroll';

/**
 * A list table: column headings, then the rows given as children, inside a scroll container that
 * keyboard users can scroll when it overflows.
 */
export function DataTable({ label, columns, children }: { label: string; columns: ReactNode[]; children: ReactNode }) {
  return (
    <TableScroll label={label}>
      <Table>
        <TableHeader>
          <TableRow>
            {columns.map((column, index) => (
              <TableHeaderCell key={index} scope="col">
                {column}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>{children}</TableBody>
      </Table>
    </TableScroll>
  );
}
