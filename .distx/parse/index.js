// The parse layer's public face: line or argv words -> CommandNode with spans and diagnostics.
export * from './ast.js';
export { lex, quoteWord } from './lexer.js';
export { parseArg, parseLine, parseWords, splitList } from './parser.js';
export { syntheticArg, syntheticCommand } from './build.js';
