import { Button, ButtonGroup, Heading2, Heading3, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useMutation } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../shared/DataTable';
import { ProblemAlert } from '../../shared/ProblemAlert';

export interface PartSectionProps<T extends { id: string }> {
  /** prefix of element ids, e.g. "contracts" */
  id: string;
  title: string;
  intro?: ReactNode;
  items: T[];
  /** column headings after the first (the row header) */
  columns: string[];
  firstColumn: string;
  rowHeader: (item: T) => ReactNode;
  cells: (item: T) => ReactNode;
  /** the item's name for screen-reader labels and notices */
  label: (item: T) => string;
  empty: string;
  canManage: boolean;
  addLabel: string;
  newTitle: string;
  /** a form to add (item null) or change an item; done(true) after saving */
  form: (item: T | null, done: (saved: boolean) => void) => ReactNode;
  remove: (item: T) => Promise<unknown>;
  texts: { added: string; saved: (label: string) => string; removed: (label: string) => string; confirmRemove: (label: string) => string };
}

/**
 * A part of a supplier (contracts, verwerkersovereenkomsten, certifications): a table with a change
 * and remove button per row, the change form opening in a row below it, and a form to add one.
 * What happened is announced in a status region; focus returns to the button that opened a form.
 */
export function PartSection<T extends { id: string }>(props: PartSectionProps<T>) {
  const { t } = useTranslation();
  const { id, title, intro, items, columns, firstColumn, rowHeader, cells, label, empty, canManage, addLabel, newTitle, form, remove, texts } = props;
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState('');
  const removal = useMutation({
    mutationFn: (item: T) => remove(item),
    onMutate: () => setNotice(''),
    onSuccess: (_result, item) => {
      setNotice(texts.removed(label(item)));
      requestAnimationFrame(() => document.getElementById(`${id}-heading`)?.focus());
    },
  });
  const width = columns.length + 1 + (canManage ? 1 : 0);
  const focus = (elementId: string) => requestAnimationFrame(() => document.getElementById(elementId)?.focus());

  return (
    <section aria-labelledby={`${id}-heading`} className="wb-section">
      <Heading2 id={`${id}-heading`} tabIndex={-1}>
        {title}
      </Heading2>
      {intro ? <Paragraph>{intro}</Paragraph> : null}
      <p role="status" className="wb-visually-hidden">
        {notice}
      </p>
      {items.length === 0 ? (
        <Paragraph>{empty}</Paragraph>
      ) : (
        <DataTable label={title} caption={title} columns={[firstColumn, ...columns, canManage && t('common.actions')]}>
          {items.map((item) => (
            <Fragment key={item.id}>
              <TableRow>
                <TableHeaderCell scope="row">{rowHeader(item)}</TableHeaderCell>
                {cells(item)}
                {canManage ? (
                  <TableCell>
                    {editing === item.id ? null : (
                      <ButtonGroup className="wb-stacked-actions">
                        <Button
                          id={`${id}-${item.id}-edit`}
                          type="button"
                          appearance="secondary-action-button"
                          onClick={() => {
                            setNotice('');
                            setEditing(item.id);
                          }}
                        >
                          {t('suppliers.parts.edit')}
                          <span className="wb-visually-hidden"> {label(item)}</span>
                        </Button>
                        <Button
                          type="button"
                          appearance="subtle-button"
                          hint="danger"
                          busy={removal.isPending && removal.variables?.id === item.id}
                          disabled={removal.isPending}
                          onClick={() => {
                            if (window.confirm(texts.confirmRemove(label(item)))) removal.mutate(item);
                          }}
                        >
                          {t('common.remove')}
                          <span className="wb-visually-hidden"> {label(item)}</span>
                        </Button>
                      </ButtonGroup>
                    )}
                  </TableCell>
                ) : null}
              </TableRow>
              {editing === item.id ? (
                <TableRow>
                  <TableCell colSpan={width}>
                    {form(item, (saved) => {
                      setEditing(null);
                      if (saved) setNotice(texts.saved(label(item)));
                      focus(`${id}-${item.id}-edit`);
                    })}
                  </TableCell>
                </TableRow>
              ) : null}
            </Fragment>
          ))}
        </DataTable>
      )}
      <ProblemAlert error={removal.error} />
      {canManage ? (
        adding ? (
          <div className="wb-subsection">
            <Heading3 id={`${id}-new-heading`}>{newTitle}</Heading3>
            {form(null, (saved) => {
              setAdding(false);
              if (saved) setNotice(texts.added);
              focus(`${id}-add`);
            })}
          </div>
        ) : (
          <ButtonGroup>
            <Button
              id={`${id}-add`}
              type="button"
              appearance="secondary-action-button"
              onClick={() => {
                setNotice('');
                setAdding(true);
              }}
            >
              {addLabel}
            </Button>
          </ButtonGroup>
        )
      ) : null}
    </section>
  );
}

/** Cancel button for the forms of a part section. */
export function CancelButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button type="button" appearance="secondary-action-button" onClick={onClick}>
      {t('common.cancel')}
    </Button>
  );
}
