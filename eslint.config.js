// One job: keep HTML sinks and console calls out of shipped code (src/).
// Everything a page sends is shown as text; the panel never parses page data
// as HTML (SECURITY.md). Formatting and style are not linted here.

import tseslint from 'typescript-eslint';

const HTML_SINK = 'Page data must never be parsed as HTML: render text (textContent / JSX children).';

export default tseslint.config(
  { ignores: ['dist/**', '.tmp/**', 'node_modules/**'] },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}', 'src/build/**'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-console': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'document', property: 'write', message: HTML_SINK },
        { object: 'document', property: 'writeln', message: HTML_SINK },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name=/^(innerHTML|outerHTML)$/]", message: HTML_SINK },
        { selector: "MemberExpression[property.value=/^(innerHTML|outerHTML)$/]", message: HTML_SINK },
        { selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment|setHTMLUnsafe|parseHTMLUnsafe)$/]", message: HTML_SINK },
        { selector: "MemberExpression[object.property.name='document'][property.name=/^(write|writeln)$/]", message: HTML_SINK },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: HTML_SINK },
        { selector: "Property[key.name='dangerouslySetInnerHTML']", message: HTML_SINK },
        { selector: "CallExpression[callee.name='eval']", message: 'No eval in extension code (CSP forbids it).' },
        { selector: "NewExpression[callee.name='Function']", message: 'No new Function in extension code (CSP forbids it).' },
      ],
    },
  },
);
