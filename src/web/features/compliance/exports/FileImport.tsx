import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { FieldFrame } from '../../../shared/FieldFrame';
import { ImportError, ImportProblemList, problemsOf } from './ImportProblems';
import type { ImportProblem } from './ImportProblems';

export type ImportMode = 'preview' | 'import';

export interface FileImportOptions<Result> {
  /** Sends the file: first as a preview (nothing is written), then to import it. */
  send: (mode: ImportMode, file: File) => Promise<Result>;
  /** The message when no file was chosen. */
  fileRequired: string;
  /** Whether a finished import empties the file field (by default it always does). */
  clearFile?: (result: Result) => boolean;
  /** After an import, e.g. to refresh what it changed. */
  onImported?: (result: Result) => Promise<unknown> | void;
  /** Choosing another file also forgets the errors of earlier requests (not only their results). */
  resetOnChoose?: boolean;
}

/** The state of a "choose a file, preview it, then import it" flow; shown with `FileImport`. */
export function useFileImport<Result>({ send, fileRequired, clearFile = () => true, onImported, resetOnChoose = false }: FileImportOptions<Result>) {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [preview, setPreview] = useState<Result | null>(null);
  const [done, setDone] = useState<Result | null>(null);
  const check = useMutation({
    mutationFn: (body: File) => send('preview', body),
    onMutate: () => {
      setPreview(null);
      setDone(null);
    },
    onSuccess: (result) => setPreview(result),
  });
  const apply = useMutation({
    mutationFn: (body: File) => send('import', body),
    onSuccess: async (result) => {
      setPreview(null);
      setDone(result);
      if (clearFile(result)) {
        setFile(null);
        if (input.current) input.current.value = '';
      }
      await onImported?.(result);
    },
  });

  /** Forgets the preview and the outcome of an import. */
  const clear = () => {
    setPreview(null);
    setDone(null);
  };
  /** Forgets the preview, the outcome and the errors of both requests. */
  const reset = () => {
    clear();
    check.reset();
    apply.reset();
  };
  const choose = (chosen: File | null) => {
    setFile(chosen);
    if (resetOnChoose) reset();
    else clear();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setFileError(fileRequired);
      input.current?.focus();
      return;
    }
    setFileError(null);
    check.mutate(file);
  };
  return { input, file, fileError, preview, done, check, apply, reset, choose, submit };
}

export type FileImporter<Result> = ReturnType<typeof useFileImport<Result>>;

export interface FileImportProps<Result> {
  importer: FileImporter<Result>;
  /** Prefix of the ids: `${id}-file`, `${id}-check`, `${id}-preview`, `${id}-apply`. */
  id: string;
  fileLabel: string;
  fileDescription?: string;
  accept: string;
  /** The form's accessible name, when the page needs one. */
  formLabel?: string;
  previewLabel: string;
  /** Fields in the form before the file (e.g. its format). */
  fields?: ReactNode;
  /** What the preview says, announced as a status. */
  previewStatus: (preview: Result, problems: ImportProblem[]) => ReactNode;
  /** More about the preview, below its problems. */
  previewDetails?: (preview: Result, problems: ImportProblem[]) => ReactNode;
  /** Whether the previewed file may be imported. */
  canImport: (preview: Result, problems: ImportProblem[]) => boolean;
  importLabel: (preview: Result) => ReactNode;
  /** What a finished import says. */
  outcome: (done: Result) => ReactNode;
}

/**
 * Choose a file → preview (its problems each with their location) → confirm the import. The form
 * with the file field and the preview button, then the preview, the import button and the outcome.
 */
export function FileImport<Result>({
  importer,
  id,
  fileLabel,
  fileDescription,
  accept,
  formLabel,
  previewLabel,
  fields,
  previewStatus,
  previewDetails,
  canImport,
  importLabel,
  outcome,
}: FileImportProps<Result>) {
  const { input, file, fileError, preview, done, check, apply } = importer;
  const problems = preview ? problemsOf(preview) : [];
  return (
    <>
      <form onSubmit={importer.submit} noValidate aria-label={formLabel}>
        {fields}
        <FieldFrame id={`${id}-file`} label={fileLabel} description={fileDescription} error={fileError}>
          {(describedBy) => (
            <input
              ref={input}
              id={`${id}-file`}
              type="file"
              accept={accept}
              className="wb-file-input"
              aria-describedby={describedBy}
              aria-invalid={fileError ? true : undefined}
              onChange={(event) => importer.choose(event.target.files?.[0] ?? null)}
            />
          )}
        </FieldFrame>
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" busy={check.isPending} disabled={check.isPending || apply.isPending}>
            {previewLabel}
          </Button>
        </ButtonGroup>
      </form>
      <ImportError error={check.error} id={`${id}-check`} />
      {preview ? <div role="status">{previewStatus(preview, problems)}</div> : null}
      {preview ? <ImportProblemList problems={problems} id={`${id}-preview`} /> : null}
      {preview && previewDetails ? previewDetails(preview, problems) : null}
      {preview && canImport(preview, problems) && file ? (
        <ButtonGroup>
          <Button type="button" appearance="primary-action-button" busy={apply.isPending} disabled={apply.isPending} onClick={() => apply.mutate(file)}>
            {importLabel(preview)}
          </Button>
        </ButtonGroup>
      ) : null}
      <ImportError error={apply.error} id={`${id}-apply`} />
      {done ? outcome(done) : null}
    </>
  );
}
