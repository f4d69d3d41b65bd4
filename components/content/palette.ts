/**
 * Colours of the measures, in order of the pack's measures (cycled). Chosen so
 * that text stays readable on light pages (light fill) and dark pages (the
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

export const highlightName = (colour: number) => `ratsmarker-${colour % PALETTE.length}`;
