// mathjs exports its parser's factory at run time but its typings do not declare it; stepdiff
// imports it by name so that the bundler keeps only the parser.
import type { FactoryFunction } from 'mathjs';

declare module 'mathjs' {
  export const createParse: FactoryFunction<unknown>;
}
