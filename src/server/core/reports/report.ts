/**
 * A printable report, independent of how it is rendered. The PDF renderer (pdfmake) turns it into
 * a PDF; a Chromium renderer can turn the same model into HTML and print that, without the
 * modules that build reports knowing which one runs.
 */
export interface ReportColumn {
  header: string;
  /** relative width; the renderer divides the page width by these weights */
  weight: number;
}

export type ReportTableRow =
  /** a group heading spanning the whole table (e.g. a chapter) */
  | { group: string }
  | { cells: string[] };

export type ReportBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  /** label–value pairs (document information) */
  | { kind: 'facts'; items: { label: string; value: string }[] }
  /** the header row repeats on every page */
  | { kind: 'table'; columns: ReportColumn[]; rows: ReportTableRow[] };

export interface ReportDocument {
  title: string;
  subtitle?: string;
  /** document metadata (PDF info) */
  author: string;
  language: string;
  orientation: 'portrait' | 'landscape';
  /** page label with {page} and {pages}, e.g. "pagina {page} van {pages}" */
  pageLabel: string;
  /** small text left in the footer of every page */
  footer?: string;
  blocks: ReportBlock[];
}

/** The port: renders a report to a PDF. */
export interface ReportRenderer {
  readonly name: string;
  renderPdf(doc: ReportDocument): Promise<Buffer>;
}
