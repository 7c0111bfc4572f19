import type { Plugin } from 'vite';

/**
 * adaptive-expressions 4.23 (under adaptivecards-templating) ships a browser bundle in which antlr4ts' `assert`
 * is the `assert` polyfill's module namespace (`toCommonJS(ns)`), not its function: the first `assert(…)` (when a
 * hash set grows, while parsing the first template expression) throws "… is not a function" and unmounts the tab.
 * This hands antlr4ts the polyfill's default export (the callable `assert`, with `.ok`, `.strictEqual`…) instead.
 * It finds the names by shape, so a rebuilt bundle keeps working; if the shape is gone (fixed upstream), it does
 * nothing.
 */
export function callableAssert(): Plugin {
  return {
    name: 'herald:adaptive-expressions-callable-assert',
    enforce: 'pre',
    transform(code, id) {
      if (!/adaptive-expressions[\\/]lib[\\/]browser\.js$/.test(id)) return null;
      const namespace = /var ([\w$]+)=\{\};[\w$]+\(\1,\{AssertionError:/.exec(code)?.[1];
      if (!namespace) return null;
      const uses = new RegExp(`\\(([\\w$]+)\\(\\),[\\w$]+\\(${namespace.replace(/\$/g, '\\$')}\\)\\)`, 'g');
      return { code: code.replace(uses, `($1(),${namespace}.default)`), map: null };
    },
  };
}
