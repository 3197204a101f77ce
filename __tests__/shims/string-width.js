/**
 * The tests run the sources in-process, not the bundle: this gives them the bundle's shortcut for string-width
 * (scripts/bundle.js, fastStringWidth), so that a table costs in a test what it costs in the shipped binary
 * (without it, string-width's regex work was most of the in-process tests' time). Mapped by jest.config.js;
 * __tests__/bundle-shims.test.ts checks the shortcut against the real function.
 */
'use strict';
const real = require('string-width/index.js');
const { PLAIN_WIDTH_SOURCE } = require('../../scripts/plain-width');

const plain = new RegExp(PLAIN_WIDTH_SOURCE);
const stringWidth = (string) => (typeof string === 'string' && plain.test(string) ? string.length : real(string));
module.exports = stringWidth;
module.exports.default = stringWidth;
