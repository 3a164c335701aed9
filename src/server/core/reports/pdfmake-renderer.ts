import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import type { ReportDocument, ReportRenderer } from './report.js';

const require = createRequire(import.meta.url);

interface PdfMake {
  virtualfs: { writeFileSync(name: string, content: Buffer): void; existsSync(name: string): boolean };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

let engine: PdfMake | null = null;

/**
 * pdfmake on the server, with its own Roboto fonts loaded once into its virtual file system.
 * Reports never read local files or fetch URLs (both policies deny everything).
 */
function pdfmake(): PdfMake {
  if (engine) return engine;
  const pm = require('pdfmake') as PdfMake;
  const dir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  const files = { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' };
  for (const f of Object.values(files)) {
    if (!pm.virtualfs.existsSync(f)) pm.virtualfs.writeFileSync(f, fs.readFileSync(path.join(dir, f)));
  }
  pm.setFonts({ Roboto: files });
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy(() => false);
  engine = pm;
  return pm;
}

const GREY = '#eeeeee';

function definition(doc: ReportDocument): TDocumentDefinitions {
  const content: Content[] = [{ text: doc.title, style: 'title' }];
  if (doc.subtitle) content.push({ text: doc.subtitle, style: 'subtitle' });
  for (const b of doc.blocks) {
    if (b.kind === 'heading') content.push({ text: b.text, style: 'heading' });
    else if (b.kind === 'paragraph') content.push({ text: b.text, margin: [0, 0, 0, 6] });
    else if (b.kind === 'facts') {
      content.push({
        table: { widths: ['auto', '*'], body: b.items.map((i) => [{ text: i.label, bold: true }, { text: i.value }]) },
        layout: 'noBorders',
        margin: [0, 0, 0, 10],
      });
    } else {
      const n = b.columns.length;
      const body: TableCell[][] = [b.columns.map((c) => ({ text: c.header, bold: true, fillColor: GREY }))];
      for (const r of b.rows) {
        if ('group' in r) body.push([{ text: r.group, colSpan: n, bold: true, fillColor: '#f7f7f7' }, ...Array.from({ length: n - 1 }, () => ({ text: '' }))]);
        else body.push(r.cells.map((c) => ({ text: c })));
      }
      const total = b.columns.reduce((s, c) => s + c.weight, 0);
      content.push({
        table: { headerRows: 1, widths: b.columns.map((c) => `${((c.weight / total) * 100).toFixed(2)}%` as const), body },
        layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => '#999999', vLineColor: () => '#999999', paddingTop: () => 2, paddingBottom: () => 2 },
        fontSize: 7.5,
      });
    }
  }
  return {
    pageSize: 'A4',
    pageOrientation: doc.orientation,
    pageMargins: [30, 30, 30, 36],
    language: doc.language,
    info: { title: doc.title, author: doc.author, creator: 'Weerbaar', producer: 'Weerbaar (pdfmake)' },
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 2] },
      subtitle: { fontSize: 11, margin: [0, 0, 0, 8] },
      heading: { fontSize: 11, bold: true, margin: [0, 8, 0, 4] },
    },
    footer: (page: number, pages: number) => ({
      margin: [30, 10, 30, 0],
      columns: [
        { text: doc.footer ?? '', fontSize: 7, color: '#555555' },
        { text: doc.pageLabel.replace('{page}', String(page)).replace('{pages}', String(pages)), alignment: 'right', fontSize: 8 },
      ],
    }),
    content,
  };
}

export const pdfmakeRenderer: ReportRenderer = {
  name: 'pdfmake',
  async renderPdf(doc) {
    return pdfmake().createPdf(definition(doc)).getBuffer();
  },
};
