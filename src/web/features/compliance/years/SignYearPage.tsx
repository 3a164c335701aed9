import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  Paragraph,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useSignedInMe } from '../../../app/session';
import { AppLink } from '../../../shared/AppLink';
import { DataTable } from '../../../shared/DataTable';
import { FactList } from '../../../shared/FactList';
import { Loading } from '../../../shared/Loading';
import { NoAccess } from '../../../shared/NoAccess';
import { PageHeading } from '../../../shared/PageHeading';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { SuccessAlert } from '../../../shared/SuccessAlert';
import { TextField } from '../../../shared/TextField';
import { TextareaField } from '../../../shared/TextareaField';
import { formatDateTime } from '../../../shared/format';
import { fieldErrors } from '../../../shared/problem';
import { useCurrentOrganisation } from '../../../shared/organisation';
import { useFormErrors } from '../../../shared/useFormErrors';
import { usePageTitle } from '../../../shared/usePageTitle';
import { useFrameworkNames } from '../queries';
import { signYear, yearDetailKey } from './api';
import type { SignInput, YearDetail } from './api';
import { diffPath, parseYear, yearPath, yearRights } from './access';
import { ResultCountCells, useResultCountColumns } from './Progress';
import { invalidateYear, useYear, useYears } from './queries';
import { InvalidYearAlert, YearBreadcrumbs } from './YearPageParts';
import './years.css';

const ID = 'sign';

/** /o/:org/compliance/years/:year/sign — the collegeverklaring: who signs, in what function, with what text. */
export function SignYearPage() {
  const { year: param } = useParams();
  const organisation = useCurrentOrganisation();
  return <SignView key={`${organisation.slug}|${param}`} year={parseYear(param)} />;
}

function SignView({ year }: { year: number | null }) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const slug = organisation.slug;
  const rights = yearRights(organisation);
  const detail = useYear(slug, year, rights.read);
  const [justSigned, setJustSigned] = useState(false);
  const signedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // After signing the form is gone: focus moves to the outcome.
    if (justSigned) signedRef.current?.focus();
  }, [justSigned]);
  const title = t('years.sign.title', { year: year ?? '' });
  usePageTitle(title, organisation.name);
  if (!rights.read) return <NoAccess title={title} />;
  const data = detail.data;
  return (
    <>
      <YearBreadcrumbs slug={slug} year={year} />
      <PageHeading title={title} context={organisation.name} />
      <InvalidYearAlert year={year} />
      {detail.isPending && year !== null ? <Loading /> : null}
      <ProblemAlert error={detail.error} />
      {data?.signed ? (
        <div ref={signedRef} tabIndex={-1}>
          {justSigned ? <SuccessAlert>{t('years.sign.done', { year: data.year })}</SuccessAlert> : <Paragraph>{t('years.sign.alreadySigned')}</Paragraph>}
          <SignatureFacts year={data} />
          <SignedSummary year={data} />
          <NextLinks slug={slug} year={data} />
        </div>
      ) : null}
      {data && !data.signed ? (
        rights.sign ? (
          <SignFlow slug={slug} year={data} onSigned={() => setJustSigned(true)} />
        ) : (
          <Alert type="warning">
            <Paragraph>{t('years.sign.notAllowed')}</Paragraph>
          </Alert>
        )
      ) : null}
    </>
  );
}

/** Step 1: signer and text; step 2: review and sign. */
function SignFlow({ slug, year, onSigned }: { slug: string; year: YearDetail; onSigned: () => void }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const organisation = useCurrentOrganisation();
  const frameworkName = useFrameworkNames();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<SignInput>(() => ({
    signerName: me.user.name,
    signerFunction: '',
    statement: t('years.sign.standardStatement', {
      organisation: organisation.name,
      year: year.year,
      frameworks: year.frameworks.map(frameworkName).join(', '),
    }),
  }));
  const { errors, check } = useFormErrors(ID);
  const [confirming, setConfirming] = useState(false);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const mutation = useMutation({
    mutationFn: () => signYear(slug, year.year, { signerName: values.signerName.trim(), signerFunction: values.signerFunction.trim(), statement: values.statement.trim() }),
    onSuccess: async (signed) => {
      queryClient.setQueryData(yearDetailKey(slug, year.year), signed);
      onSigned();
      await invalidateYear(queryClient, slug, year.year);
    },
  });
  const server = fieldErrors(mutation.error);
  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);
  const set = (key: keyof SignInput) => (value: string) => setValues((current) => ({ ...current, [key]: value }));

  const review = (event: FormEvent) => {
    event.preventDefault();
    const valid = check({
      signerName: values.signerName.trim().length < 2 ? t('years.sign.nameRequired') : null,
      signerFunction: values.signerFunction.trim().length < 2 ? t('years.sign.functionRequired') : null,
      statement: values.statement.trim().length < 10 ? t('years.sign.statementRequired') : null,
    });
    if (!valid) return;
    mutation.reset();
    setConfirming(true);
  };

  if (confirming) {
    return (
      <section aria-labelledby="sign-confirm-heading" className="wb-section">
        <Heading2 id="sign-confirm-heading" ref={confirmHeading} tabIndex={-1}>
          {t('years.sign.confirmTitle')}
        </Heading2>
        <Paragraph>{t('years.sign.confirmIntro', { year: year.year })}</Paragraph>
        <FactList
          facts={[
            { label: t('years.sign.signerName'), value: values.signerName.trim() },
            { label: t('years.sign.signerFunction'), value: values.signerFunction.trim() },
            { label: t('years.sign.statement'), value: values.statement.trim(), multiline: true },
          ]}
        />
        <SignedSummary year={year} />
        <ProblemAlert error={mutation.error} />
        <ButtonGroup>
          <Button type="button" appearance="primary-action-button" busy={mutation.isPending} disabled={mutation.isPending} onClick={() => mutation.mutate()}>
            {t('years.sign.submit')}
          </Button>
          <Button type="button" appearance="secondary-action-button" disabled={mutation.isPending} onClick={() => setConfirming(false)}>
            {t('years.sign.back')}
          </Button>
        </ButtonGroup>
      </section>
    );
  }

  return (
    <>
      <Paragraph>{t('years.sign.intro')}</Paragraph>
      <SignedSummary year={year} />
      <section aria-labelledby="sign-form-heading" className="wb-section">
        <Heading2 id="sign-form-heading">{t('years.sign.formTitle')}</Heading2>
        <form onSubmit={review} noValidate>
          <ProblemAlert error={mutation.error} />
          <TextField
            id={`${ID}-signerName`}
            label={t('years.sign.signerName')}
            value={values.signerName}
            onChange={set('signerName')}
            autoComplete="name"
            required
            maxLength={200}
            error={errors.signerName ?? server.signerName}
          />
          <TextField
            id={`${ID}-signerFunction`}
            label={t('years.sign.signerFunction')}
            description={t('years.sign.signerFunctionHint')}
            value={values.signerFunction}
            onChange={set('signerFunction')}
            autoComplete="organization-title"
            required
            maxLength={200}
            error={errors.signerFunction ?? server.signerFunction}
          />
          <TextareaField
            id={`${ID}-statement`}
            label={t('years.sign.statement')}
            description={t('years.sign.statementHint')}
            value={values.statement}
            onChange={set('statement')}
            rows={10}
            required
            maxLength={20_000}
            error={errors.statement ?? server.statement}
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button">
              {t('years.sign.review')}
            </Button>
            <AppLink to={yearPath(slug, year.year)} className="wb-form-cancel">
              {t('common.cancel')}
            </AppLink>
          </ButtonGroup>
        </form>
      </section>
    </>
  );
}

/** What is (being) signed: the number of requirements per result, per framework. */
function SignedSummary({ year }: { year: YearDetail }) {
  const { t } = useTranslation();
  const resultColumns = useResultCountColumns();
  const frameworkName = useFrameworkNames();
  const open = year.progress.reduce((sum, framework) => sum + framework.niet_beoordeeld, 0);
  const caption = t('years.sign.summaryTitle', { year: year.year });
  return (
    <section aria-labelledby="sign-summary-heading" className="wb-section">
      <Heading2 id="sign-summary-heading">{caption}</Heading2>
      {open > 0 && !year.signed ? (
        <Alert type="warning">
          <Paragraph>{t('years.sign.openWarning', { count: open })}</Paragraph>
        </Alert>
      ) : null}
      <DataTable
        label={caption}
        labelledBy="sign-summary-heading"
        columns={[t('years.fields.framework'), { label: t('years.sign.total'), className: 'wb-numeric' }, ...resultColumns]}
      >
        {year.progress.map((framework) => (
          <TableRow key={framework.framework}>
            <TableHeaderCell scope="row">{frameworkName(framework.framework)}</TableHeaderCell>
            <TableCell className="wb-numeric">{framework.total}</TableCell>
            <ResultCountCells counts={framework} />
          </TableRow>
        ))}
      </DataTable>
    </section>
  );
}

function SignatureFacts({ year }: { year: YearDetail }) {
  const { t } = useTranslation();
  const signed = year.signed;
  if (!signed) return null;
  return (
    <FactList
      label={t('years.sign.signatureLabel')}
      facts={[
        { label: t('years.sign.signedBy'), value: signed.by },
        { label: t('years.sign.signerFunction'), value: signed.function },
        { label: t('years.sign.signedAt'), value: <time dateTime={signed.at}>{formatDateTime(signed.at)}</time> },
        { label: t('years.snapshotHash'), value: <span className="wb-code">{signed.snapshotHash}</span> },
        { label: t('years.sign.statement'), value: signed.statement, multiline: true },
      ]}
    />
  );
}

function NextLinks({ slug, year }: { slug: string; year: YearDetail }) {
  const { t } = useTranslation();
  const years = useYears(slug);
  const previous = (years.data ?? []).filter((candidate) => candidate.year < year.year).sort((a, b) => b.year - a.year)[0];
  return (
    <ul className="wb-year-actions">
      <li>
        <AppLink to={yearPath(slug, year.year)}>{t('years.sign.toYear', { year: year.year })}</AppLink>
      </li>
      {previous ? (
        <li>
          <AppLink to={diffPath(slug, year.year, previous.year)}>{t('years.actions.diff', { year: previous.year })}</AppLink>
        </li>
      ) : null}
    </ul>
  );
}
