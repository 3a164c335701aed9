/**
 * A readable API reference rendered on the server from the OpenAPI document: no scripts, so it
 * works under the strict Content-Security-Policy and with any screen reader.
 */
interface Doc {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
}
interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: unknown }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const json = (v: unknown) => esc(JSON.stringify(v, null, 2));

export function renderApiReference(doc: Doc): string {
  const byTag = new Map<string, string[]>();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const tag = op.tags?.[0] ?? 'overig';
      const params = (op.parameters ?? [])
        .map((p) => `<li><code>${esc(p.name)}</code> (${esc(p.in)}${p.required ? ', verplicht' : ''})${p.description ? ` — ${esc(p.description)}` : ''}</li>`)
        .join('');
      const body = op.requestBody?.content?.['application/json']?.schema;
      const responses = Object.entries(op.responses ?? {})
        .map(([code, r]) => {
          const schema = r.content ? Object.values(r.content)[0]?.schema : undefined;
          return `<li><code>${esc(code)}</code>${r.description ? ` ${esc(r.description)}` : ''}${schema ? `<details><summary>schema</summary><pre>${json(schema)}</pre></details>` : ''}</li>`;
        })
        .join('');
      const html = `<section class="op"><h3><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span> <code>/api/v1${esc(path)}</code></h3>
<p>${esc(op.summary ?? '')}</p>${params ? `<h4>Parameters</h4><ul>${params}</ul>` : ''}
${body ? `<h4>Body</h4><details><summary>schema</summary><pre>${json(body)}</pre></details>` : ''}
<h4>Antwoorden</h4><ul>${responses}</ul></section>`;
      byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  }
  const sections = [...byTag].map(([tag, ops]) => `<h2 id="${esc(tag)}">${esc(tag)}</h2>${ops.join('\n')}`).join('\n');
  const toc = [...byTag.keys()].map((t) => `<li><a href="#${esc(t)}">${esc(t)}</a></li>`).join('');
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(doc.info.title)} — API-referentie</title><link rel="stylesheet" href="/api/v1/docs.css"></head>
<body><header><h1>${esc(doc.info.title)} ${esc(doc.info.version)} — API-referentie</h1>
<p>${esc(doc.info.description ?? '')}</p><p>Machineleesbaar: <a href="/api/v1/openapi.json">openapi.json</a></p></header>
<nav aria-label="Onderwerpen"><ul>${toc}</ul></nav><main>${sections}</main></body></html>`;
}
