import { parse } from '@babel/parser';

/** Attributes whose text a person reads or hears, so it must come from a catalogue. */
const READ_ATTRIBUTES = new Set([
  'label',
  'title',
  'placeholder',
  'alt',
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  // Props through which a component shows text it is given.
  'action',
  'what',
  'legend',
  'hint',
  'empty',
  'confirmLabel',
  'cancelLabel',
  'heading',
  'description',
  'caption',
  'message',
]);

/** Two letters in a row: a word, not punctuation, a number or a symbol such as "·" or "→". */
const WORDY = /\p{L}{2,}/u;

/** Names that read the same in every language. */
const SAME_IN_EVERY_LANGUAGE = new Set(['Parley', 'UTC']);

/** Elements whose text is a command, a key or code to be typed as shown, never translated. */
const VERBATIM_ELEMENTS = new Set(['code', 'kbd', 'samp']);

export type UntranslatedText = { readonly line: number; readonly text: string };

/** The fields of Babel's AST this scanner reads; every other field is only walked through. */
type Node = {
  readonly type: string;
  readonly loc?: { start: { line: number } } | null;
  readonly value?: unknown;
  readonly name?: unknown;
  readonly expression?: unknown;
  readonly children?: unknown;
  readonly consequent?: unknown;
  readonly alternate?: unknown;
  readonly left?: unknown;
  readonly right?: unknown;
  readonly quasis?: unknown;
  readonly openingElement?: unknown;
};

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

/** The literal text an expression shown in JSX may evaluate to, through conditionals and `&&`/`??`. */
const shownLiterals = (expression: unknown): Node[] => {
  if (!isNode(expression)) {
    return [];
  }
  switch (expression.type) {
    case 'StringLiteral':
    case 'TemplateLiteral':
      return [expression];
    case 'ConditionalExpression':
      return [...shownLiterals(expression.consequent), ...shownLiterals(expression.alternate)];
    case 'LogicalExpression':
      return [...shownLiterals(expression.left), ...shownLiterals(expression.right)];
    default:
      return [];
  }
};

const literalText = (literal: Node): string =>
  literal.type === 'StringLiteral'
    ? String(literal.value)
    : (literal.quasis as Node[]).map((quasi) => String((quasi.value as { cooked: string }).cooked)).join('…');

const attributeName = (attribute: Node): string => {
  const name = attribute.name as Node;
  return name.type === 'JSXNamespacedName' ? '' : String(name.name);
};

const elementName = (element: Node): string => {
  const name = (element.openingElement as Node).name as Node;
  return name.type === 'JSXIdentifier' ? String(name.name) : '';
};

/**
 * The words a `.tsx` module shows that do not come from a catalogue: JSX text, read attributes
 * (label, title, aria-label…) given as literals, and literals placed directly in JSX. Text built in
 * plain `.ts` helpers is outside its reach.
 */
export const untranslatedText = (source: string): UntranslatedText[] => {
  const found: UntranslatedText[] = [];
  const report = (node: Node, text: string) => {
    if (WORDY.test(text) && !SAME_IN_EVERY_LANGUAGE.has(text.trim())) {
      found.push({ line: node.loc?.start.line ?? 0, text: text.trim().replace(/\s+/g, ' ') });
    }
  };
  const visit = (node: Node) => {
    if (node.type === 'JSXText') {
      report(node, String(node.value));
    }
    if (node.type === 'JSXAttribute' && READ_ATTRIBUTES.has(attributeName(node))) {
      const value = node.value as Node | null;
      const literals =
        value?.type === 'JSXExpressionContainer' ? shownLiterals(value.expression) : value ? [value] : [];
      for (const literal of literals) {
        report(literal, literalText(literal));
      }
    }
    if (node.type === 'JSXElement' && VERBATIM_ELEMENTS.has(elementName(node))) {
      return;
    }
    if (node.type === 'JSXElement' || node.type === 'JSXFragment') {
      for (const child of node.children as Node[]) {
        if (child.type !== 'JSXExpressionContainer') {
          continue;
        }
        for (const literal of shownLiterals(child.expression)) {
          report(literal, literalText(literal));
        }
      }
    }
    for (const [key, value] of Object.entries(node as object)) {
      if (key === 'loc' || key === 'start' || key === 'end') {
        continue;
      }
      for (const inner of Array.isArray(value) ? value : [value]) {
        if (isNode(inner)) {
          visit(inner);
        }
      }
    }
  };
  visit(parse(source, { sourceType: 'module', plugins: ['typescript', 'jsx'] }).program as unknown as Node);
  return found;
};
