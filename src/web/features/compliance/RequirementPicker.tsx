import { Button, Fieldset, FieldsetLegend, FormFieldDescription, FormFieldErrorMessage, Paragraph } from '@utrecht/component-library-react';
import { useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../shared/Loading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SelectField } from '../../shared/SelectField';
import { TextField } from '../../shared/TextField';
import { COVERAGES } from './api';
import type { Coverage, Requirement } from './api';
import { useComplianceLabels } from './labels';
import { useFramework, useFrameworkNames, useFrameworks } from './queries';

/** A requirement linked in the form; `title` is for display only. */
export interface LinkDraft {
  framework: string;
  ref: string;
  title: string;
  coverage: Coverage;
}

export const linkKey = (link: { framework: string; ref: string }) => `${link.framework}|${link.ref}`;

/** How many search results to offer at once; narrow the search to see others. */
const MAX_RESULTS = 10;

export interface RequirementPickerProps {
  idPrefix: string;
  links: LinkDraft[];
  onChange: (links: LinkDraft[]) => void;
  /** The framework to search first (e.g. when coming from a framework page). */
  initialFramework?: string;
  error?: string | null;
}

/**
 * The requirements a measure answers: the current links (coverage per link, removable) and a search to
 * add more — choose a framework, filter its requirements on ref or title, and link one with its button.
 * Everything is plain buttons, selects and a text field, so it works with the keyboard alone.
 */
export function RequirementPicker({ idPrefix, links, onChange, initialFramework, error }: RequirementPickerProps) {
  const { t } = useTranslation();
  const labels = useComplianceLabels();
  const frameworkName = useFrameworkNames();
  const frameworks = useFrameworks();
  const linksRef = useRef<HTMLDivElement>(null);
  const [chosen, setChosen] = useState(initialFramework ?? '');
  const [query, setQuery] = useState('');
  const [announcement, setAnnouncement] = useState('');

  const choices = (frameworks.data ?? []).filter((framework) => framework.requirementCount > 0);
  const frameworkId = choices.some((framework) => framework.id === chosen) ? chosen : (choices[0]?.id ?? '');
  const framework = useFramework(frameworkId || null);

  const linked = new Set(links.map(linkKey));
  const needle = query.trim().toLocaleLowerCase();
  // Best matches first: the ref itself, refs that start with the search, refs that contain it, then titles.
  const rank = (requirement: Requirement) => {
    const ref = requirement.ref.toLocaleLowerCase();
    if (!needle || ref === needle) return 0;
    if (ref.startsWith(needle)) return 1;
    if (ref.includes(needle)) return 2;
    return requirement.title.toLocaleLowerCase().includes(needle) ? 3 : -1;
  };
  const candidates = (framework.data?.requirements ?? [])
    .filter(
      (requirement) =>
        requirement.assessable && requirement.status === 'active' && !linked.has(linkKey({ framework: frameworkId, ref: requirement.ref })),
    )
    .map((requirement, index) => ({ requirement, index, rank: rank(requirement) }))
    .filter((candidate) => candidate.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((candidate) => candidate.requirement);
  const results = candidates.slice(0, MAX_RESULTS);

  const name = (link: { framework: string; ref: string }) => `${frameworkName(link.framework)} ${link.ref}`;

  const add = (requirement: Requirement) => {
    const link: LinkDraft = { framework: frameworkId, ref: requirement.ref, title: requirement.title, coverage: 'full' };
    onChange([...links, link]);
    setAnnouncement(t('compliance.picker.added', { name: name(link) }));
    // The button just used disappears from the results; continue in the search field.
    document.getElementById(`${idPrefix}-search`)?.focus();
  };

  const remove = (link: LinkDraft) => {
    onChange(links.filter((candidate) => linkKey(candidate) !== linkKey(link)));
    setAnnouncement(t('compliance.picker.removed', { name: name(link) }));
    linksRef.current?.focus();
  };

  const setCoverage = (link: LinkDraft, coverage: Coverage) =>
    onChange(links.map((candidate) => (linkKey(candidate) === linkKey(link) ? { ...candidate, coverage } : candidate)));

  // Enter in the search field would submit the whole measure form; here it only searches.
  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') event.preventDefault();
  };

  const errorId = error ? `${idPrefix}-links-error` : undefined;

  return (
    <Fieldset invalid={Boolean(error)} aria-describedby={[`${idPrefix}-links-description`, errorId].filter(Boolean).join(' ')} className="wb-picker">
      <FieldsetLegend>{t('compliance.picker.legend')}</FieldsetLegend>
      <FormFieldDescription id={`${idPrefix}-links-description`}>{t('compliance.picker.description')}</FormFieldDescription>
      {error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : null}
      <p role="status" className="wb-visually-hidden">
        {announcement}
      </p>

      <div ref={linksRef} tabIndex={-1} className="wb-picker__links" id={`${idPrefix}-links`}>
        {links.length === 0 ? (
          <Paragraph>{t('compliance.picker.none')}</Paragraph>
        ) : (
          <ul className="wb-picker__list" aria-label={t('compliance.picker.linkedList', { count: links.length })}>
            {links.map((link, index) => (
              <li key={linkKey(link)} className="wb-picker__link">
                <span className="wb-picker__name">
                  <strong>{name(link)}</strong> {link.title}
                </span>
                <SelectField
                  id={`${idPrefix}-coverage-${index}`}
                  label={
                    <>
                      {t('compliance.picker.coverage')}
                      <span className="wb-visually-hidden"> {name(link)}</span>
                    </>
                  }
                  value={link.coverage}
                  options={COVERAGES.map((coverage) => ({ value: coverage, label: labels.coverage(coverage) }))}
                  onChange={(value) => setCoverage(link, value as Coverage)}
                />
                <Button type="button" appearance="secondary-action-button" hint="danger" onClick={() => remove(link)}>
                  {t('common.remove')}
                  <span className="wb-visually-hidden"> {name(link)}</span>
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>

      <Fieldset className="wb-picker__add">
        <FieldsetLegend>{t('compliance.picker.addLegend')}</FieldsetLegend>
        <ProblemAlert error={frameworks.error ?? framework.error} />
        <div className="wb-inline-form">
          <SelectField
            id={`${idPrefix}-framework`}
            label={t('compliance.picker.framework')}
            value={frameworkId}
            options={choices.map((choice) => ({ value: choice.id, label: `${choice.name} — ${labels.title(choice.title)}` }))}
            onChange={(value) => {
              setChosen(value);
              setAnnouncement('');
            }}
            disabled={choices.length === 0}
          />
          <TextField
            id={`${idPrefix}-search`}
            type="search"
            label={t('compliance.picker.search')}
            value={query}
            onChange={setQuery}
            onKeyDown={onSearchKeyDown}
            autoComplete="off"
          />
        </div>
        {frameworks.isPending || (frameworkId && framework.isPending) ? <Loading /> : null}
        {frameworks.data && choices.length === 0 ? <Paragraph>{t('compliance.picker.noFrameworks')}</Paragraph> : null}
        {framework.data ? (
          <>
            <Paragraph role="status" className="wb-picker__count">
              {candidates.length > MAX_RESULTS
                ? t('compliance.picker.foundMore', { count: candidates.length, max: MAX_RESULTS })
                : t('compliance.picker.found', { count: candidates.length })}
            </Paragraph>
            {results.length > 0 ? (
              <ul className="wb-picker__results" aria-label={t('compliance.picker.results')}>
                {results.map((requirement) => (
                  <li key={requirement.ref} className="wb-picker__result">
                    <Button type="button" appearance="secondary-action-button" onClick={() => add(requirement)}>
                      {t('compliance.picker.link')}
                      <span className="wb-visually-hidden">
                        {' '}
                        {frameworkName(frameworkId)} {requirement.ref}
                      </span>
                    </Button>
                    <span className="wb-picker__name">
                      <strong>{requirement.ref}</strong> {requirement.title}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </Fieldset>
    </Fieldset>
  );
}
