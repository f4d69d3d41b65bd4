/**
 * Colours of the packs (the reader picks one per pack in the options). Chosen
 * so that text stays readable on light pages (light fill) and dark pages (the
 * underline carries the colour where the fill is faint).
 */
export const PALETTE: readonly { fill: string; line: string }[] = [
  { fill: 'rgba(255, 214, 10, 0.45)', line: '#b58900' },
  { fill: 'rgba(120, 200, 255, 0.45)', line: '#1565c0' },
  { fill: 'rgba(140, 230, 140, 0.45)', line: '#2e7d32' },
  { fill: 'rgba(255, 160, 200, 0.45)', line: '#ad1457' },
  { fill: 'rgba(255, 180, 110, 0.45)', line: '#e65100' },
  { fill: 'rgba(190, 160, 255, 0.45)', line: '#5e35b1' },
  { fill: 'rgba(110, 230, 220, 0.45)', line: '#00796b' },
  { fill: 'rgba(220, 200, 160, 0.55)', line: '#6d4c41' },
];

/**
 * Measures of one pack share its colour and differ in shade: the fill's
 * strength and the underline's style, while the underline keeps the pack's colour.
 */
export const SHADES: readonly { alpha: number; line: 'solid' | 'dotted' | 'dashed' | 'double' | 'wavy' }[] = [
  { alpha: 1, line: 'solid' },
  { alpha: 0.6, line: 'dotted' },
  { alpha: 1.35, line: 'dashed' },
  { alpha: 0.8, line: 'double' },
  { alpha: 1.2, line: 'wavy' },
];

/** The palette entry of a pack's colour (a colour beyond the palette wraps round). */
export const colourIndex = (colour: number) => colour % PALETTE.length;

/** The highlight slot of a measure: its pack's colour, in the shade of its place among the pack's measures. */
export const highlightSlot = (colour: number, measureIndex: number) =>
  colourIndex(colour) * SHADES.length + (measureIndex % SHADES.length);

/** The palette entries the packs' colours use, once each, in order. */
export const coloursInUse = (packs: readonly { colour: number }[]): number[] =>
  [...new Set(packs.map((p) => colourIndex(p.colour)))].sort((a, b) => a - b);

/**
 * The name a slot is registered under in the page's highlight registry (which
 * the page's scripts can read): a number, never a pack code or measure id.
 */
export const highlightName = (slot: number) => `ratsmarker-${slot % (PALETTE.length * SHADES.length)}`;

/** The style of one slot: its pack colour's fill in the slot's shade, and an underline in the pack's colour. */
function slotStyle(colour: number, shade: number): string {
  const p = PALETTE[colour] as (typeof PALETTE)[number];
  const s = SHADES[shade] as (typeof SHADES)[number];
  const fill = p.fill.replace(/([\d.]+)\)$/, (_, a: string) => `${Math.min(0.85, Number(a) * s.alpha).toFixed(2)})`);
  return `  background-color: ${fill};\n  text-decoration: underline ${s.line} 2px ${p.line};\n`;
}

/**
 * The `::highlight()` rules of one pack colour (its five shades): a council page gets those of the active packs'
 * colours only (components/background/highlightStyles.ts), since every such rule in a page makes each restyle
 * of it dearer.
 */
export function colourHighlightCss(colour: number): string {
  return SHADES.map(
    (_, i) => `::highlight(${highlightName(highlightSlot(colour, i))}) {\n${slotStyle(colour, i)}}`,
  ).join('\n');
}

/** The `::highlight()` rules of every colour (the PDF viewer's, where the active colours are not known). */
export function highlightCss(): string {
  return PALETTE.map((_, c) => colourHighlightCss(c)).join('\n');
}

/**
 * The rules of every slot for the `<mark>` fallback (a browser without the Custom Highlight API): class
 * selectors, which cost a restyle nothing where no element has the class.
 */
export function markCss(): string {
  return PALETTE.flatMap((_, c) =>
    SHADES.map((_, i) => `mark.ratsmarker-mark.${highlightName(highlightSlot(c, i))} {\n${slotStyle(c, i)}}`),
  ).join('\n');
}
