import { Alert, Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { verifyChain } from './api';

/** Recomputes the hash chain on the server and shows whether the log is intact. */
export function VerifyChain({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const verify = useMutation({ mutationFn: () => verifyChain(slug) });
  const result = verify.data;
  return (
    <section aria-labelledby="verify-heading" className="wb-section">
      <Heading2 id="verify-heading">{t('audit.verify.title')}</Heading2>
      <Paragraph>{t('audit.verify.intro')}</Paragraph>
      <ButtonGroup>
        <Button type="button" appearance="secondary-action-button" busy={verify.isPending} disabled={verify.isPending} onClick={() => verify.mutate()}>
          {t('audit.verify.submit')}
        </Button>
      </ButtonGroup>
      <ProblemAlert error={verify.error} />
      {result?.valid ? (
        <Alert type="ok" role="status">
          <Paragraph>{t('audit.verify.valid', { count: result.checked })}</Paragraph>
        </Alert>
      ) : null}
      {result && !result.valid ? (
        <Alert type="error" role="alert">
          <Paragraph>{t('audit.verify.invalid', { count: result.checked })}</Paragraph>
          {result.firstBroken ? (
            <Paragraph>
              {result.firstBroken.id
                ? t('audit.verify.firstBroken', { seq: result.firstBroken.seq, id: result.firstBroken.id, reason: result.firstBroken.reason })
                : t('audit.verify.firstBrokenNoId', { seq: result.firstBroken.seq, reason: result.firstBroken.reason })}
            </Paragraph>
          ) : null}
        </Alert>
      ) : null}
    </section>
  );
}
