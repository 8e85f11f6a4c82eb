/**
 * The page: takes the officer's files (chosen or dropped), hands them to the worker, and shows what comes back:
 * the headline, every problem with its place in the files, the report, and the downloads. No file leaves the
 * browser; the only requests are for the page's own scripts and factor data.
 */
import type { DroppedFile, RunRequest, ShownProblem, WorkerMessage } from './protocol.js';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const form = byId<HTMLFormElement>('form');
const inputs = { baseline: byId<HTMLInputElement>('baseline'), ledger: byId<HTMLInputElement>('ledger'), mapping: byId<HTMLInputElement>('mapping') };
const factorSet = byId<HTMLSelectElement>('factor-set');
const button = byId<HTMLButtonElement>('calculate');
const status = byId<HTMLParagraphElement>('status');
const bar = byId<HTMLProgressElement>('progress');
const drop = byId<HTMLDivElement>('drop');
const results = byId<HTMLElement>('results');
const problemsSection = byId<HTMLElement>('problems-section');
const problemsList = byId<HTMLUListElement>('problems');
const reportSection = byId<HTMLElement>('report-section');
const report = byId<HTMLIFrameElement>('report');

let worker: Worker | undefined;
const urls: string[] = [];

let spoken = 0;

/** The status line (read out by screen readers): a running count is updated at most once a second, the bar always. */
function say(text: string, fraction?: number): void {
  const now = Date.now();
  if (fraction === undefined || now - spoken >= 1000) {
    status.textContent = text;
    spoken = fraction === undefined ? 0 : now;
  }
  bar.hidden = fraction === undefined && !button.disabled;
  if (fraction === undefined) bar.removeAttribute('value');
  else bar.value = fraction;
}

/** The factor set chooser: every bundled set, newest first, after "the reporting year's own". */
async function fillChooser(): Promise<void> {
  try {
    const response = await fetch(new URL('../data/manifest.json', import.meta.url));
    const manifest = (await response.json()) as { sets: { id: string; title: string; year: number }[] };
    for (const set of [...manifest.sets].sort((a, b) => b.year - a.year)) {
      factorSet.append(new Option(`${set.title} (${set.id})`, set.id));
    }
  } catch {
    say('The list of emission factor sets could not be loaded; the reporting year’s own set will be used.');
  }
}

/** Files dropped together: the one named like a mapping is the mapping; a baseline first, then a ledger. */
function placeDropped(files: readonly File[]): void {
  const assign = (input: HTMLInputElement, file: File) => {
    const list = new DataTransfer();
    list.items.add(file);
    input.files = list.files;
  };
  const rest: File[] = [];
  for (const file of files) {
    if (/mapping/i.test(file.name)) assign(inputs.mapping, file);
    else rest.push(file);
  }
  const [first, second] = rest;
  if (first !== undefined) assign(inputs.baseline, first);
  if (second !== undefined) assign(inputs.ledger, second);
  say(`${files.length} file${files.length === 1 ? '' : 's'} placed: check each box below, then calculate.`);
}

async function read(input: HTMLInputElement): Promise<DroppedFile | undefined> {
  const file = input.files?.[0];
  return file === undefined ? undefined : { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

function download(id: string, name: string, type: string, content: string | Uint8Array): void {
  const link = byId<HTMLAnchorElement>(id);
  const url = URL.createObjectURL(new Blob([content as BlobPart], { type }));
  urls.push(url);
  link.href = url;
  link.download = name;
}

function showProblems(problems: readonly ShownProblem[]): void {
  problemsList.replaceChildren(
    ...problems.map((p) => {
      const item = document.createElement('li');
      item.className = p.severity;
      // formatProblem's text starts with the severity ("error invalid-number at …"): that word stands out.
      const label = document.createElement('strong');
      label.className = 'severity';
      const space = p.text.indexOf(' ');
      label.textContent = p.text.slice(0, space);
      item.append(label, p.text.slice(space));
      return item;
    }),
  );
  const errors = problems.filter((p) => p.severity === 'error').length;
  byId('problems-summary').textContent =
    problems.length === 0 ? 'No problems were found.' : `${errors} error${errors === 1 ? '' : 's'} and ${problems.length - errors} warning${problems.length - errors === 1 ? '' : 's'}. Each names the file and the sheet and cell, or the line, it was found at.`;
  problemsSection.hidden = problems.length === 0;
}

function finished(message: WorkerMessage): void {
  button.disabled = false;
  bar.hidden = true;
  if (message.type === 'failed') {
    say(message.message);
    results.hidden = true;
    reportSection.hidden = true;
    showProblems(message.problems);
    return;
  }
  if (message.type !== 'result') return;
  const slug = (message.council || 'council').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const base = `${slug}-${message.reportingYear.replace('/', '-') || 'inventory'}`;
  byId('headline').textContent = message.headline;
  byId('about').textContent = `${message.council || 'Council'}, ${message.reportingYear || 'reporting year not given'}; emission factors: ${message.factorSet.title} (${message.factorSet.id}).`;
  const ledger = byId('ledger-summary');
  ledger.textContent = message.ledgerSummary ?? '';
  ledger.hidden = message.ledgerSummary === undefined;
  for (const url of urls.splice(0)) URL.revokeObjectURL(url);
  download('download-xlsx', `${base}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', message.xlsx);
  download('download-csv', `${base}-lines.csv`, 'text/csv;charset=utf-8', message.csv);
  download('download-json', `${base}.json`, 'application/json', message.json);
  download('download-html', `${base}.html`, 'text/html;charset=utf-8', message.html);
  const submission = byId('download-submission');
  submission.hidden = message.submission === undefined;
  if (message.submission !== undefined) download('download-submission', `${base}-submission.json`, 'application/json', message.submission);
  const note = byId('submission-note');
  note.textContent = message.submissionNote === undefined ? '' : `No benchmark submission: ${message.submissionNote}.`;
  note.hidden = message.submissionNote === undefined;
  report.srcdoc = message.html;
  results.hidden = false;
  reportSection.hidden = false;
  showProblems(message.problems);
  const errors = message.problems.filter((p) => p.severity === 'error').length;
  say(`Done: total ${message.headline}${errors > 0 ? `, with ${errors} error${errors === 1 ? '' : 's'} listed under Problems` : ''}.`);
  byId('results-heading').focus();
}

function startWorker(): Worker {
  const started = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  started.onmessage = (event: MessageEvent<WorkerMessage>) => {
    if (event.data.type === 'progress') say(event.data.text, event.data.fraction);
    else finished(event.data);
  };
  started.onerror = (event) => {
    event.preventDefault();
    worker = undefined;
    finished({ type: 'failed', message: `The calculation stopped unexpectedly (${event.message || 'the worker could not start'}).`, problems: [] });
  };
  return started;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void (async () => {
    const [baseline, ledger, mapping] = await Promise.all([read(inputs.baseline), read(inputs.ledger), read(inputs.mapping)]);
    if (baseline === undefined) {
      say('Choose your baseline workbook or CSV first.');
      inputs.baseline.focus();
      return;
    }
    button.disabled = true;
    say('Starting…');
    bar.hidden = false;
    worker ??= startWorker();
    const request: RunRequest = {
      type: 'run',
      baseline,
      ...(ledger === undefined ? {} : { ledger }),
      ...(mapping === undefined ? {} : { mapping }),
      ...(factorSet.value === '' ? {} : { factorSetId: factorSet.value }),
    };
    worker.postMessage(request, [baseline.bytes.buffer, ...(ledger ? [ledger.bytes.buffer] : []), ...(mapping ? [mapping.bytes.buffer] : [])]);
  })();
});

for (const name of ['dragenter', 'dragover'] as const) {
  document.addEventListener(name, (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
}
document.addEventListener('dragleave', (event) => {
  if (event.relatedTarget === null) drop.classList.remove('over');
});
document.addEventListener('drop', (event) => {
  event.preventDefault();
  drop.classList.remove('over');
  const files = [...(event.dataTransfer?.files ?? [])];
  if (files.length > 0) placeDropped(files);
});

void fillChooser();
