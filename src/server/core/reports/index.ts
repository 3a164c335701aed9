export type { ReportBlock, ReportColumn, ReportDocument, ReportRenderer, ReportTableRow } from './report.js';
import { pdfmakeRenderer } from './pdfmake-renderer.js';
import type { ReportRenderer } from './report.js';

/** The renderer in use. pdfmake needs nothing outside node_modules; a Chromium renderer can replace it here. */
export const defaultReportRenderer: ReportRenderer = pdfmakeRenderer;
