import { Heading2, Heading3, Heading4, Paragraph } from '@utrecht/component-library-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { TextareaField } from '../../shared/TextareaField';
import { fieldErrors } from '../../shared/problem';
import { useFormErrors } from '../../shared/useFormErrors';
import { formatMoment } from '../incidents/time';
import type { Message } from './api';

/**
 * The thread of a notification, oldest first, as both sides see it, and a form to reply. `idPrefix` keeps
 * the ids unique when several threads are on one page (the incident's CSIRT section).
 */
export function Thread({
  idPrefix,
  messages,
  send,
  onSent,
  headingLevel = 3,
}: {
  idPrefix: string;
  messages: Message[];
  /** null: the reader may not write */
  send: ((body: string) => Promise<unknown>) | null;
  onSent: () => Promise<unknown> | void;
  headingLevel?: 2 | 3 | 4;
}) {
  const { t, i18n } = useTranslation();
  const headingId = `${idPrefix}-thread-heading`;
  const Heading = headingLevel === 2 ? Heading2 : headingLevel === 4 ? Heading4 : Heading3;
  return (
    <section aria-labelledby={headingId} className="wb-subsection">
      <Heading id={headingId}>{t('csirt.thread.title')}</Heading>
      {messages.length === 0 ? (
        <Paragraph>{t('csirt.thread.none')}</Paragraph>
      ) : (
        <ol className="wb-csirt-thread" aria-labelledby={headingId}>
          {messages.map((m) => (
            <li key={m.id} className={`wb-csirt-thread__item wb-csirt-thread__item--${m.side}`}>
              <Paragraph>
                <strong>{t(`csirt.thread.sides.${m.side}`)}</strong> · {m.author} · <time dateTime={m.createdAt}>{formatMoment(m.createdAt, i18n.language)}</time>
              </Paragraph>
              <Paragraph className="wb-csirt-thread__body">{m.body}</Paragraph>
            </li>
          ))}
        </ol>
      )}
      {send ? <Reply idPrefix={idPrefix} send={send} onSent={onSent} /> : null}
    </section>
  );
}

function Reply({ idPrefix, send, onSent }: { idPrefix: string; send: (body: string) => Promise<unknown>; onSent: () => Promise<unknown> | void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [sent, setSent] = useState(false);
  const { errors, check } = useFormErrors(idPrefix);
  const mutation = useMutation({
    mutationFn: send,
    onSuccess: async () => {
      setBody('');
      setSent(true);
      await onSent();
    },
  });
  const server = fieldErrors(mutation.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSent(false);
    const ok = check({ body: body.trim() ? null : t('errors.required') });
    if (ok) mutation.mutate(body.trim());
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('csirt.thread.formLabel')}>
      {sent ? <SuccessAlert>{t('csirt.thread.sent')}</SuccessAlert> : null}
      <ProblemAlert error={mutation.error} />
      <TextareaField id={`${idPrefix}-body`} label={t('csirt.thread.message')} value={body} onChange={setBody} rows={3} required maxLength={10000} error={errors.body ?? server.body} />
      <SubmitButtons label={t('csirt.thread.submit')} pending={mutation.isPending} />
    </form>
  );
}
