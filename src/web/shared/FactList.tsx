import { DataList, DataListItem, DataListKey, DataListValue } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

/** One label and its value; `multiline` keeps the value's line breaks. */
export interface Fact {
  label: ReactNode;
  value: ReactNode;
  multiline?: boolean;
}

/** Facts as a description list (label, value); `null` or `false` leaves a fact out. */
export function FactList({ facts, label }: { facts: Array<Fact | null | false>; label?: string }) {
  return (
    <DataList className="wb-datalist" aria-label={label}>
      {facts.map((fact, index) =>
        fact ? (
          <DataListItem key={index}>
            <DataListKey>{fact.label}</DataListKey>
            <DataListValue multiline={fact.multiline}>{fact.value}</DataListValue>
          </DataListItem>
        ) : null,
      )}
    </DataList>
  );
}
