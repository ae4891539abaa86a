'use strict';
// Throws wrong-typed values and null at every prop of every struct, factory and method (the
// props and arguments come from the library's own shape declarations, so new props are
// hunted too) and fails on any error that is a TypeError or lacks a `[Code]`: what a
// JavaScript user must never see.

const { Duration } = require('aws-cdk-lib');
const { ARGUMENTS, STRUCTS } = require('./shapes');
const { PLACES, attempt, shapeName } = require('./harness');

const BAD_VALUES = [
  ['null', null],
  ['a number', 42],
  ['a negative number', -1],
  ['NaN', NaN],
  ['a string', 'x'],
  ['an empty string', ''],
  ['a boolean', true],
  ['an empty object', {}],
  ['an object of unknown props', { unknownProp: 1 }],
  ['an empty list', []],
  ['a list of null', [null]],
  ['a function', function handler() { return 0; }],
  ['a Duration', Duration.seconds(1)],
  ['a construct', fx => fx.queue],
];

/** Keys of the struct or argument list a place stands for. */
function keysOf(place) {
  const name = shapeName(place);
  return Object.keys(STRUCTS[name] ? STRUCTS[name].fields : ARGUMENTS[name]);
}

const CODED = /^\[[A-Z][A-Za-z]+\] /;

/** aws-cdk-lib's own messages that the library repeats with a code of its own. */
const REPEATED = { "The REST API doesn't contain any methods": '[NoRoutes]' };

/** Lines of an error that are not coded: synthesis lists each construct's errors as `[path] message`. */
function uncoded(error) {
  if (error instanceof TypeError) return [error.message];
  const lines = error.message.split('\n');
  if (!lines[0].startsWith('Validation failed')) return CODED.test(lines[0]) ? [] : [lines[0]];
  const messages = lines.slice(1).map(line => /^\s+\[[^\]]*\] (.*)$/.exec(line)).filter(Boolean).map(m => m[1]);
  return messages.filter(m => !CODED.test(m) && !(REPEATED[m] && messages.some(other => other.startsWith(REPEATED[m]))));
}

describe('no crash and no uncoded error on wrong-typed input', () => {
  test.each(Object.keys(PLACES))('%s', place => {
    const found = [];
    for (const key of [...keysOf(place), 'unknownProp']) {
      for (const [what, value] of BAD_VALUES) {
        const error = attempt(place, key, value);
        if (error === undefined) continue;
        for (const line of uncoded(error)) found.push(`${key} = ${what}: ${error.constructor.name}: ${line}`);
      }
    }
    expect(found).toEqual([]);
  });
});
