import { TableCell } from '@utrecht/component-library-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../shared/CheckboxField';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SelectField } from '../../shared/SelectField';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { TextField } from '../../shared/TextField';
import { TextareaField } from '../../shared/TextareaField';
import { fieldErrors } from '../../shared/problem';
import { useFormErrors } from '../../shared/useFormErrors';
import {
  addAgreement,
  addCertification,
  addContract,
  AGREEMENT_MODELS,
  CERTIFICATION_KINDS,
  deleteAgreement,
  deleteCertification,
  deleteContract,
  updateAgreement,
  updateCertification,
  updateContract,
} from './api';
import type { AgreementInput, AgreementModel, CertificationInput, CertificationKind, Certification, Contract, ContractInput, ProcessingAgreement, Supplier } from './api';
import { CertificationStatusBadge, formatDay, useSupplierLabels, WarningBadge } from './labels';
import { centsToInput, CONTRACT_ENDING_DAYS, endsSoon, formatEuros, hasEnded, parseDays, parseEuros, today } from './model';
import { CancelButton, PartSection } from './PartSection';
import { useSupplierChanged } from './queries';

interface PartProps {
  slug: string;
  supplier: Supplier;
  canManage: boolean;
}

const none = (text: string) => <span className="wb-muted">{text}</span>;

/* ---------- contracts ---------- */

export function ContractsSection({ slug, supplier, canManage }: PartProps) {
  const { t, i18n } = useTranslation();
  const changed = useSupplierChanged(slug, supplier.id);
  const on = today();
  return (
    <PartSection<Contract>
      id="contracts"
      title={t('suppliers.contracts.title')}
      items={supplier.contracts}
      firstColumn={t('suppliers.contracts.fields.title')}
      columns={[t('suppliers.contracts.period'), t('suppliers.contracts.fields.value'), t('suppliers.contracts.fields.noticePeriodDays')]}
      rowHeader={(contract) => (
        <>
          {contract.title}
          <div className="wb-cell-note wb-cell-note--plain">
            {contract.exitPlan ? (
              <span className="wb-break">
                {t('suppliers.contracts.fields.exitPlan')}: {contract.exitPlan}
              </span>
            ) : (
              <WarningBadge>{t('suppliers.contracts.noExitPlan')}</WarningBadge>
            )}
          </div>
        </>
      )}
      cells={(contract) => (
        <>
          <TableCell>
            <span className="wb-nowrap">{contract.startDate ? formatDay(contract.startDate) : t('suppliers.contracts.noStart')}</span>
            {' – '}
            <span className="wb-nowrap">{contract.endDate ? formatDay(contract.endDate) : t('suppliers.contracts.noEnd')}</span>
            {endsSoon(contract.endDate, on) ? (
              <div className="wb-badges">
                <WarningBadge>{t('suppliers.contracts.endsSoon', { days: CONTRACT_ENDING_DAYS })}</WarningBadge>
              </div>
            ) : hasEnded(contract.endDate, on) ? (
              <div className="wb-cell-note">{t('suppliers.contracts.ended')}</div>
            ) : null}
          </TableCell>
          <TableCell className="wb-numeric">{contract.valueCents === null ? none(t('common.unknown')) : formatEuros(contract.valueCents, i18n.language)}</TableCell>
          <TableCell>
            {contract.noticePeriodDays === null ? none(t('common.unknown')) : t('suppliers.contracts.days', { count: contract.noticePeriodDays })}
            {contract.noticeDeadline ? <div className="wb-cell-note">{t('suppliers.contracts.noticeDeadline', { date: formatDay(contract.noticeDeadline) })}</div> : null}
          </TableCell>
        </>
      )}
      label={(contract) => contract.title}
      empty={t('suppliers.contracts.none')}
      canManage={canManage}
      addLabel={t('suppliers.contracts.add')}
      newTitle={t('suppliers.contracts.newTitle')}
      form={(contract, done) => (
        <ContractForm
          idPrefix={contract ? `contract-${contract.id}` : 'contract-new'}
          contract={contract}
          save={(input) => (contract ? updateContract(slug, supplier.id, contract.id, input) : addContract(slug, supplier.id, input))}
          done={async (updated) => {
            if (updated) await changed(updated);
            done(Boolean(updated));
          }}
        />
      )}
      remove={async (contract) => {
        await deleteContract(slug, supplier.id, contract.id);
        await changed();
      }}
      texts={{
        added: t('suppliers.contracts.added'),
        saved: (title) => t('suppliers.parts.saved', { name: title }),
        removed: (title) => t('suppliers.parts.removed', { name: title }),
        confirmRemove: (title) => t('suppliers.contracts.confirmRemove', { title }),
      }}
    />
  );
}

interface FormProps<T, I> {
  idPrefix: string;
  save: (input: I) => Promise<Supplier>;
  /** the updated supplier after saving, or null when cancelled */
  done: (updated: Supplier | null) => void | Promise<void>;
  contract?: T | null;
}

function ContractForm({ idPrefix, contract, save, done }: FormProps<Contract, ContractInput>) {
  const { t, i18n } = useTranslation();
  const [title, setTitle] = useState(contract?.title ?? '');
  const [startDate, setStartDate] = useState(contract?.startDate ?? '');
  const [endDate, setEndDate] = useState(contract?.endDate ?? '');
  const [value, setValue] = useState(centsToInput(contract?.valueCents ?? null, i18n.language));
  const [notice, setNotice] = useState(contract?.noticePeriodDays === null || contract?.noticePeriodDays === undefined ? '' : String(contract.noticePeriodDays));
  const [exitPlan, setExitPlan] = useState(contract?.exitPlan ?? '');
  const { errors, check } = useFormErrors(idPrefix);
  const mutation = useMutation({ mutationFn: save, onSuccess: (updated) => done(updated) });
  const server = fieldErrors(mutation.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const cents = parseEuros(value);
    const days = parseDays(notice);
    if (
      !check({
        title: title.trim().length >= 2 ? null : t('suppliers.contracts.titleTooShort'),
        endDate: startDate && endDate && endDate < startDate ? t('suppliers.contracts.endBeforeStart') : null,
        value: cents === undefined ? t('suppliers.contracts.valueInvalid') : null,
        notice: days === undefined ? t('suppliers.contracts.daysInvalid') : null,
      })
    )
      return;
    mutation.mutate({ title: title.trim(), startDate: startDate || null, endDate: endDate || null, valueCents: cents ?? null, noticePeriodDays: days ?? null, exitPlan });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={contract ? t('suppliers.parts.editLabel', { name: contract.title }) : t('suppliers.contracts.newTitle')}>
      <TextField id={`${idPrefix}-title`} label={t('suppliers.contracts.fields.title')} value={title} onChange={setTitle} maxLength={300} required error={errors.title ?? server.title} autoFocus />
      <div className="wb-date-fields">
        <TextField id={`${idPrefix}-startDate`} label={t('suppliers.contracts.fields.startDate')} type="date" value={startDate} onChange={setStartDate} error={server.startDate} />
        <TextField id={`${idPrefix}-endDate`} label={t('suppliers.contracts.fields.endDate')} type="date" value={endDate} onChange={setEndDate} error={errors.endDate ?? server.endDate} />
      </div>
      <TextField
        id={`${idPrefix}-value`}
        label={t('suppliers.contracts.fields.valueEuros')}
        description={t('suppliers.contracts.valueHint')}
        inputMode="decimal"
        value={value}
        onChange={setValue}
        maxLength={24}
        error={errors.value ?? server.valueCents}
      />
      <TextField
        id={`${idPrefix}-notice`}
        label={t('suppliers.contracts.fields.noticePeriodDaysInput')}
        inputMode="numeric"
        value={notice}
        onChange={setNotice}
        maxLength={4}
        error={errors.notice ?? server.noticePeriodDays}
      />
      <TextareaField id={`${idPrefix}-exitPlan`} label={t('suppliers.contracts.fields.exitPlan')} description={t('suppliers.contracts.exitPlanHint')} value={exitPlan} onChange={setExitPlan} rows={3} error={server.exitPlan} />
      <ProblemAlert error={mutation.error} />
      <SubmitButtons label={contract ? t('common.save') : t('suppliers.contracts.save')} pending={mutation.isPending}>
        <CancelButton onClick={() => void done(null)} />
      </SubmitButtons>
    </form>
  );
}

/* ---------- verwerkersovereenkomsten ---------- */

export function AgreementsSection({ slug, supplier, canManage }: PartProps) {
  const { t } = useTranslation();
  const changed = useSupplierChanged(slug, supplier.id);
  const label = (agreement: ProcessingAgreement) => modelText(agreement, (key) => t(key));
  return (
    <PartSection<ProcessingAgreement>
      id="agreements"
      title={t('suppliers.agreements.title')}
      intro={supplier.processesPersonalData ? t('suppliers.agreements.introPersonal') : t('suppliers.agreements.introNoPersonal')}
      items={supplier.processingAgreements}
      firstColumn={t('suppliers.agreements.fields.model')}
      columns={[t('suppliers.agreements.fields.signed'), t('suppliers.agreements.fields.signedOn'), t('suppliers.agreements.fields.notes')]}
      rowHeader={label}
      cells={(agreement) => (
        <>
          <TableCell>{agreement.signed ? t('suppliers.agreements.signedYes') : <WarningBadge>{t('suppliers.agreements.signedNo')}</WarningBadge>}</TableCell>
          <TableCell>{agreement.signedOn ? <span className="wb-nowrap">{formatDay(agreement.signedOn)}</span> : none(t('common.unknown'))}</TableCell>
          <TableCell>{agreement.notes ? <span className="wb-break">{agreement.notes}</span> : none(t('common.none'))}</TableCell>
        </>
      )}
      label={label}
      empty={supplier.processesPersonalData ? t('suppliers.agreements.noneMissing') : t('suppliers.agreements.none')}
      canManage={canManage}
      addLabel={t('suppliers.agreements.add')}
      newTitle={t('suppliers.agreements.newTitle')}
      form={(agreement, done) => (
        <AgreementForm
          idPrefix={agreement ? `agreement-${agreement.id}` : 'agreement-new'}
          contract={agreement}
          save={(input) => (agreement ? updateAgreement(slug, supplier.id, agreement.id, input) : addAgreement(slug, supplier.id, input))}
          done={async (updated) => {
            if (updated) await changed(updated);
            done(Boolean(updated));
          }}
        />
      )}
      remove={async (agreement) => {
        await deleteAgreement(slug, supplier.id, agreement.id);
        await changed();
      }}
      texts={{
        added: t('suppliers.agreements.added'),
        saved: (name) => t('suppliers.parts.saved', { name }),
        removed: (name) => t('suppliers.parts.removed', { name }),
        confirmRemove: (name) => t('suppliers.agreements.confirmRemove', { name }),
      }}
    />
  );
}

/** "VNG Model Verwerkersovereenkomst 2.0" (a version that names the model already) or "Ander model: …". */
function modelText(agreement: ProcessingAgreement, t: (key: string) => string): string {
  const model = t(`suppliers.agreements.models.${agreement.model}`);
  if (!agreement.modelVersion) return model;
  if (agreement.modelVersion.toLocaleLowerCase().includes(model.toLocaleLowerCase())) return agreement.modelVersion;
  return `${model}: ${agreement.modelVersion}`;
}

function AgreementForm({ idPrefix, contract: agreement, save, done }: FormProps<ProcessingAgreement, AgreementInput>) {
  const { t } = useTranslation();
  const [signed, setSigned] = useState(agreement?.signed ?? true);
  const [signedOn, setSignedOn] = useState(agreement?.signedOn ?? '');
  const [model, setModel] = useState<AgreementModel>(agreement?.model ?? 'vng_model');
  const [modelVersion, setModelVersion] = useState(agreement?.modelVersion ?? '');
  const [notes, setNotes] = useState(agreement?.notes ?? '');
  const mutation = useMutation({ mutationFn: save, onSuccess: (updated) => done(updated) });
  const server = fieldErrors(mutation.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ signed, signedOn: signed && signedOn ? signedOn : null, model, modelVersion: modelVersion.trim() || null, notes });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={agreement ? t('suppliers.parts.editLabel', { name: modelText(agreement, (key) => t(key)) }) : t('suppliers.agreements.newTitle')}>
      <CheckboxField id={`${idPrefix}-signed`} label={t('suppliers.agreements.fields.signedInput')} checked={signed} onChange={setSigned} />
      {signed ? <TextField id={`${idPrefix}-signedOn`} label={t('suppliers.agreements.fields.signedOn')} type="date" value={signedOn} onChange={setSignedOn} error={server.signedOn} /> : null}
      <SelectField
        id={`${idPrefix}-model`}
        label={t('suppliers.agreements.fields.model')}
        value={model}
        options={AGREEMENT_MODELS.map((value) => ({ value, label: t(`suppliers.agreements.models.${value}`) }))}
        onChange={(value) => setModel(value as AgreementModel)}
      />
      <TextField
        id={`${idPrefix}-modelVersion`}
        label={model === 'vng_model' ? t('suppliers.agreements.fields.modelVersion') : t('suppliers.agreements.fields.otherModel')}
        description={model === 'vng_model' ? t('suppliers.agreements.modelVersionHint') : undefined}
        value={modelVersion}
        onChange={setModelVersion}
        maxLength={60}
        error={server.modelVersion}
      />
      <TextareaField id={`${idPrefix}-notes`} label={t('suppliers.agreements.fields.notes')} value={notes} onChange={setNotes} rows={2} error={server.notes} />
      <ProblemAlert error={mutation.error} />
      <SubmitButtons label={agreement ? t('common.save') : t('suppliers.agreements.save')} pending={mutation.isPending}>
        <CancelButton onClick={() => void done(null)} />
      </SubmitButtons>
    </form>
  );
}

/* ---------- certifications ---------- */

export function CertificationsSection({ slug, supplier, canManage }: PartProps) {
  const { t } = useTranslation();
  const labels = useSupplierLabels();
  const changed = useSupplierChanged(slug, supplier.id);
  const label = (c: Certification) => (c.name ? `${labels.certificationKind(c.kind)} (${c.name})` : labels.certificationKind(c.kind));
  return (
    <PartSection<Certification>
      id="certifications"
      title={t('suppliers.certifications.title')}
      items={supplier.certifications}
      firstColumn={t('suppliers.certifications.fields.kind')}
      columns={[t('suppliers.certifications.fields.validUntil'), t('suppliers.certifications.fields.status')]}
      rowHeader={label}
      cells={(c) => (
        <>
          <TableCell>{c.validUntil ? <span className="wb-nowrap">{formatDay(c.validUntil)}</span> : none(t('common.unknown'))}</TableCell>
          <TableCell>
            <CertificationStatusBadge status={c.status} />
          </TableCell>
        </>
      )}
      label={label}
      empty={t('suppliers.certifications.none')}
      canManage={canManage}
      addLabel={t('suppliers.certifications.add')}
      newTitle={t('suppliers.certifications.newTitle')}
      form={(c, done) => (
        <CertificationForm
          idPrefix={c ? `certification-${c.id}` : 'certification-new'}
          contract={c}
          save={(input) => (c ? updateCertification(slug, supplier.id, c.id, input) : addCertification(slug, supplier.id, input))}
          done={async (updated) => {
            if (updated) await changed(updated);
            done(Boolean(updated));
          }}
        />
      )}
      remove={async (c) => {
        await deleteCertification(slug, supplier.id, c.id);
        await changed();
      }}
      texts={{
        added: t('suppliers.certifications.added'),
        saved: (name) => t('suppliers.parts.saved', { name }),
        removed: (name) => t('suppliers.parts.removed', { name }),
        confirmRemove: (name) => t('suppliers.certifications.confirmRemove', { name }),
      }}
    />
  );
}

function CertificationForm({ idPrefix, contract: certification, save, done }: FormProps<Certification, CertificationInput>) {
  const { t } = useTranslation();
  const labels = useSupplierLabels();
  const [kind, setKind] = useState<CertificationKind>(certification?.kind ?? 'iso27001');
  const [name, setName] = useState(certification?.name ?? '');
  const [validUntil, setValidUntil] = useState(certification?.validUntil ?? '');
  const { errors, check } = useFormErrors(idPrefix);
  const mutation = useMutation({ mutationFn: save, onSuccess: (updated) => done(updated) });
  const server = fieldErrors(mutation.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!check({ name: kind === 'anders' && !name.trim() ? t('suppliers.certifications.nameRequired') : null })) return;
    mutation.mutate({ kind, name: name.trim(), validUntil: validUntil || null });
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={certification ? t('suppliers.parts.editLabel', { name: labels.certificationKind(certification.kind) }) : t('suppliers.certifications.newTitle')}
    >
      <SelectField
        id={`${idPrefix}-kind`}
        label={t('suppliers.certifications.fields.kind')}
        value={kind}
        options={CERTIFICATION_KINDS.map((value) => ({ value, label: labels.certificationKind(value) }))}
        onChange={(value) => setKind(value as CertificationKind)}
        error={server.kind}
      />
      <TextField
        id={`${idPrefix}-name`}
        label={t('suppliers.certifications.fields.name')}
        description={t('suppliers.certifications.nameHint')}
        value={name}
        onChange={setName}
        maxLength={200}
        error={errors.name ?? server.name}
      />
      <TextField id={`${idPrefix}-validUntil`} label={t('suppliers.certifications.fields.validUntil')} type="date" value={validUntil} onChange={setValidUntil} error={server.validUntil} />
      <ProblemAlert error={mutation.error} />
      <SubmitButtons label={certification ? t('common.save') : t('suppliers.certifications.save')} pending={mutation.isPending}>
        <CancelButton onClick={() => void done(null)} />
      </SubmitButtons>
    </form>
  );
}
