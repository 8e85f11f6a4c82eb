import { ZipParts } from './xlsx-zip.js';

/**
 * Native charts for the XLSX report. exceljs writes no charts, so their DrawingML parts (a drawing per sheet, a
 * chart per figure) are added to the workbook it wrote: a column chart or a pie of cells already on the sheet,
 * by reference, so Excel, LibreOffice and Power BI draw them from the figures themselves, with the values cached
 * beside the references for a viewer that does not recalculate. Only what the report needs is written.
 */
export interface ChartSpec {
  /** The sheet the chart is drawn on; its references name the cells it plots. */
  readonly sheet: string;
  readonly kind: 'column' | 'pie';
  readonly title: string;
  /** Category labels: an absolute range ("'By scope'!$A$5:$A$7") and the text of its cells. */
  readonly categories: { readonly ref: string; readonly labels: readonly string[] };
  /** One series: its name, range and the numbers its cells hold, with the format to show them. */
  readonly series: { readonly name: string; readonly ref: string; readonly values: readonly number[]; readonly format: string };
  /** Where it is drawn, in cells from the sheet's top left (0-based), and how many columns and rows it covers. */
  readonly at: { readonly col: number; readonly row: number; readonly cols: number; readonly rows: number };
}

const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  rel: 'http://schemas.openxmlformats.org/package/2006/relationships',
};
const REL = {
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
};
const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The workbook exceljs wrote with the charts added; the same bytes when there are none. */
export async function withCharts(xlsx: Uint8Array, charts: readonly ChartSpec[]): Promise<Uint8Array> {
  if (charts.length === 0) return xlsx;
  const parts = await ZipParts.read(xlsx);
  const sheets = sheetParts(parts);
  let chartNumber = 0;
  const bySheet = new Map<string, ChartSpec[]>();
  for (const chart of charts) bySheet.set(chart.sheet, [...(bySheet.get(chart.sheet) ?? []), chart]);
  let drawingNumber = 0;
  for (const [sheet, list] of bySheet) {
    const path = sheets.get(sheet);
    if (path === undefined) throw new Error(`no sheet '${sheet}' to draw a chart on`);
    do drawingNumber++; while (parts.has(`xl/drawings/drawing${drawingNumber}.xml`));
    const drawing = `xl/drawings/drawing${drawingNumber}.xml`;
    const anchors = list.map((chart, i) => {
      do chartNumber++; while (parts.has(`xl/charts/chart${chartNumber}.xml`));
      setText(parts, `xl/charts/chart${chartNumber}.xml`, XML_HEADER + chartXml(chart));
      addOverride(parts, `/xl/charts/chart${chartNumber}.xml`, 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
      return { chart, target: `../charts/chart${chartNumber}.xml`, id: `rId${i + 1}` };
    });
    setText(parts, drawing, XML_HEADER + `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${anchors.map((a, i) => anchorXml(a.chart, a.id, i + 2)).join('')}</xdr:wsDr>`);
    setText(parts, relsPath(drawing), relsXml(anchors.map((a) => ({ id: a.id, type: REL.chart, target: a.target }))));
    addOverride(parts, `/${drawing}`, 'application/vnd.openxmlformats-officedocument.drawing+xml');
    linkDrawing(parts, path, `../drawings/drawing${drawingNumber}.xml`);
  }
  return parts.write();
}

const text = (parts: ZipParts, name: string): string | undefined => {
  const bytes = parts.get(name);
  return bytes === undefined ? undefined : new TextDecoder().decode(bytes);
};
const setText = (parts: ZipParts, name: string, value: string) => parts.set(name, new TextEncoder().encode(value));
const relsPath = (part: string) => part.replace(/([^/]+)$/, '_rels/$1.rels');
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];

/** Sheet name → its part, from the workbook and its relationships. */
function sheetParts(parts: ZipParts): Map<string, string> {
  const targets = new Map([...(text(parts, 'xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attr(m[0], 'Id'), attr(m[0], 'Target')]));
  const unescape = (s: string) => s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return new Map([...(text(parts, 'xl/workbook.xml') ?? '').matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const target = targets.get(attr(m[0], 'r:id')) ?? '';
    return [unescape(attr(m[0], 'name') ?? ''), target.startsWith('/') ? target.slice(1) : `xl/${target}`];
  }));
}

function relsXml(relations: readonly { id: string; type: string; target: string }[]): string {
  return XML_HEADER + `<Relationships xmlns="${NS.rel}">${relations.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join('')}</Relationships>`;
}

function addOverride(parts: ZipParts, partName: string, contentType: string): void {
  const types = text(parts, '[Content_Types].xml')!;
  setText(parts, '[Content_Types].xml', types.replace('</Types>', `<Override PartName="${partName}" ContentType="${contentType}"/></Types>`));
}

/**
 * The sheet's relationship to its drawing, and the <drawing> element where the schema puts it: after the page
 * set-up and before any legacy drawing, table parts or extensions.
 */
function linkDrawing(parts: ZipParts, sheet: string, target: string): void {
  const rels = relsPath(sheet);
  const existing = text(parts, rels);
  const ids = [...(existing ?? '').matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
  const id = `rId${Math.max(0, ...ids) + 1}`;
  const relation = `<Relationship Id="${id}" Type="${REL.drawing}" Target="${target}"/>`;
  setText(parts, rels, existing === undefined ? relsXml([{ id, type: REL.drawing, target }]) : existing.replace('</Relationships>', `${relation}</Relationships>`));
  let xml = text(parts, sheet)!;
  if (!/<worksheet\b[^>]*xmlns:r=/.test(xml)) xml = xml.replace('<worksheet', `<worksheet xmlns:r="${NS.r}"`);
  const before = ['<legacyDrawing', '<legacyDrawingHF', '<picture', '<oleObjects', '<controls', '<webPublishItems', '<tableParts', '<extLst', '</worksheet>']
    .map((tag) => xml.indexOf(tag)).filter((i) => i !== -1);
  const at = Math.min(...before);
  setText(parts, sheet, `${xml.slice(0, at)}<drawing r:id="${id}"/>${xml.slice(at)}`);
}

function anchorXml(chart: ChartSpec, relId: string, shapeId: number): string {
  const corner = (col: number, row: number) => `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  const { col, row, cols, rows } = chart.at;
  return `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${corner(col, row)}</xdr:from><xdr:to>${corner(col + cols, row + rows)}</xdr:to>`
    + `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${escape(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`
    + '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>'
    + `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${relId}"/></a:graphicData></a:graphic>`
    + '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>';
}

const rich = (s: string) => `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${escape(s)}</a:t></a:r></a:p></c:rich></c:tx>`;

function chartXml(chart: ChartSpec): string {
  const { categories, series } = chart;
  const points = <T>(values: readonly T[], show: (v: T) => string) => `<c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${show(v)}</c:v></c:pt>`).join('')}`;
  const cat = `<c:cat><c:strRef><c:f>${escape(categories.ref)}</c:f><c:strCache>${points(categories.labels, escape)}</c:strCache></c:strRef></c:cat>`;
  const val = `<c:val><c:numRef><c:f>${escape(series.ref)}</c:f><c:numCache><c:formatCode>${escape(series.format)}</c:formatCode>${points(series.values, String)}</c:numCache></c:numRef></c:val>`;
  const head = `<c:idx val="0"/><c:order val="0"/><c:tx><c:v>${escape(series.name)}</c:v></c:tx>`;
  const plot = chart.kind === 'pie'
    ? `<c:pieChart><c:varyColors val="1"/><c:ser>${head}<c:dLbls><c:numFmt formatCode="0.0%" sourceLinked="0"/><c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="1"/><c:showBubbleSize val="0"/><c:showLeaderLines val="1"/></c:dLbls>${cat}${val}</c:ser><c:firstSliceAng val="0"/></c:pieChart>`
    : `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser>${head}<c:invertIfNegative val="0"/>`
      + `<c:dLbls><c:numFmt formatCode="${escape(series.format)}" sourceLinked="0"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>${cat}${val}</c:ser>`
      + '<c:gapWidth val="80"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>'
      + '<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
      + `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:title>${rich(series.name)}<c:overlay val="0"/></c:title><c:numFmt formatCode="${escape(series.format)}" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="1001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  const legend = chart.kind === 'pie' ? '<c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend>' : '';
  return `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/><c:chart><c:title>${rich(chart.title)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`
    + `<c:plotArea><c:layout/>${plot}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`;
}
