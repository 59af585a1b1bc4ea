/**
 * Adaptive Cards as plain JSON: just the elements the estimate cards use, at schema
 * version 1.3 so that Web Chat 4.18 (and Teams, Emulator) render them. Pure data; the
 * bot attaches a card with botbuilder's CardFactory.
 *
 *   adaptiveCard([textBlock('估算结果', { weight: 'Bolder' })], '估算结果…')
 *     → { type: 'AdaptiveCard', version: '1.3', body: [{ type: 'TextBlock', … }], fallbackText: '估算结果…' }
 */

export const ADAPTIVE_CARD_VERSION = '1.3';

type Color = 'Default' | 'Dark' | 'Light' | 'Accent' | 'Good' | 'Warning' | 'Attention';
type Spacing = 'None' | 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge' | 'Padding';

export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap: boolean;
  weight?: 'Lighter' | 'Default' | 'Bolder';
  size?: 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
  color?: Color;
  isSubtle?: boolean;
  spacing?: Spacing;
  separator?: boolean;
}

export interface Column {
  type: 'Column';
  width: 'auto' | 'stretch';
  items: CardElement[];
}

export interface ColumnSet {
  type: 'ColumnSet';
  columns: Column[];
  spacing?: Spacing;
  separator?: boolean;
}

export interface Container {
  type: 'Container';
  items: CardElement[];
  spacing?: Spacing;
  separator?: boolean;
  style?: 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
}

export interface FactSet {
  type: 'FactSet';
  facts: { title: string; value: string }[];
  spacing?: Spacing;
}

export type CardElement = TextBlock | ColumnSet | Container | FactSet;

/**
 * No `lang`: adaptivecards 3.0.6 (what Web Chat 4.18 renders with) checks it with a
 * global regex whose lastIndex makes every other card fail the check.
 */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: typeof ADAPTIVE_CARD_VERSION;
  body: CardElement[];
  /** Shown by clients that cannot render the card. */
  fallbackText: string;
  /** Read aloud by speech clients. */
  speak?: string;
}

export function adaptiveCard(body: CardElement[], fallbackText: string): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: ADAPTIVE_CARD_VERSION,
    body,
    fallbackText,
  };
}

export function textBlock(text: string, style: Omit<TextBlock, 'type' | 'text' | 'wrap'> = {}): TextBlock {
  return { type: 'TextBlock', text, wrap: true, ...style };
}

/** A bold heading with a separator line above it. */
export const heading = (text: string): TextBlock => textBlock(text, { weight: 'Bolder', separator: true, spacing: 'Medium' });

/** A small, subtle note. */
export const note = (text: string, color?: Color): TextBlock =>
  textBlock(text, { size: 'Small', isSubtle: color === undefined, ...(color ? { color } : {}), spacing: 'Small' });

/** A mark (✔ / ✘) beside a few lines: one row of a checklist. */
export function markedRow(mark: string, color: Color, lines: TextBlock[]): ColumnSet {
  return {
    type: 'ColumnSet',
    spacing: 'Small',
    columns: [
      { type: 'Column', width: 'auto', items: [textBlock(mark, { color, weight: 'Bolder' })] },
      { type: 'Column', width: 'stretch', items: lines },
    ],
  };
}
