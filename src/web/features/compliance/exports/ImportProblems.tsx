import { Alert, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api';
import { ProblemAlert } from '../../../shared/ProblemAlert';

/** One problem in an imported file, wherever the importer located it. */
export interface ImportProblem {
  message: string;
  path?: string;
  location?: string;
  sheet?: string;
  cell?: string;
  line?: number;
  column?: number;
}

/** "Blad Maatregelen, cel C12", "regel 14", or the JSON path — whichever the problem carries. */
export function useProblemLocation() {
  const { t } = useTranslation();
  return (problem: ImportProblem): string | null => {
    if (problem.location) return problem.location;
    if (problem.sheet && problem.cell) return t('evidence.import.sheetCell', { sheet: problem.sheet, cell: problem.cell });
    if (problem.sheet) return t('evidence.import.sheet', { sheet: problem.sheet });
    if (problem.cell) return t('evidence.import.cell', { cell: problem.cell });
    if (problem.line !== undefined) {
      return problem.column !== undefined ? t('evidence.import.lineColumn', { line: problem.line, column: problem.column }) : t('evidence.import.line', { line: problem.line });
    }
    if (problem.path) return problem.path;
    return null;
  };
}

/** The problems of a preview or import, each with its location. */
export function ImportProblemList({ problems, id }: { problems: ImportProblem[]; id: string }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <Alert type="error" role="alert">
      <Paragraph id={`${id}-problems-heading`}>{t('evidence.import.problems', { count: problems.length })}</Paragraph>
      <LocatedList problems={problems} labelledBy={`${id}-problems-heading`} />
    </Alert>
  );
}

/** Problems an import answer carries, whether in the 200 result or in a 400 problem's body. */
export function problemsOf(value: unknown): ImportProblem[] {
  const source = isApiError(value) ? (value.problem as Record<string, unknown>) : (value as Record<string, unknown> | null | undefined);
  if (!source || typeof source !== 'object') return [];
  for (const key of ['problems', 'errors']) {
    const list = source[key];
    if (Array.isArray(list)) {
      return list
        .filter((item): item is Record<string, unknown> => Boolean(item) && typeof item === 'object')
        .map((item) => ({
          message: String(item.message ?? ''),
          path: typeof item.path === 'string' ? item.path : undefined,
          location: typeof item.location === 'string' ? item.location : undefined,
          sheet: typeof item.sheet === 'string' ? item.sheet : undefined,
          cell: typeof item.cell === 'string' ? item.cell : undefined,
          line: typeof item.line === 'number' ? item.line : undefined,
          column: typeof item.column === 'number' ? item.column : undefined,
        }));
    }
  }
  return [];
}

/** A failed request: its problems as a located list when it has them, the problem's message otherwise. */
export function ImportError({ error, id }: { error: unknown; id: string }) {
  const problems = problemsOf(error);
  if (!error) return null;
  return (
    <>
      <ProblemAlert error={error} />
      <ImportProblemList problems={problems} id={id} />
    </>
  );
}

function LocatedList({ problems, labelledBy }: { problems: ImportProblem[]; labelledBy?: string }): ReactNode {
  const location = useProblemLocation();
  return (
    <ul className="wb-problems" aria-labelledby={labelledBy}>
      {problems.map((problem, index) => {
        const where = location(problem);
        return (
          <li key={`${index}-${where ?? ''}`}>
            {where ? <span className="wb-problems__location">{where}</span> : null}
            {where ? ': ' : ''}
            {problem.message}
          </li>
        );
      })}
    </ul>
  );
}

/** Warnings of a valid preview (imported anyway, but worth a look), each with its location. */
export function ImportWarnings({ warnings }: { warnings: ImportProblem[] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <Alert type="warning">
      <Paragraph>{t('evidence.import.warnings', { count: warnings.length })}</Paragraph>
      <LocatedList problems={warnings} />
    </Alert>
  );
}
