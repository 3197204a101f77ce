// Characters whose display width string-width (4.x) gives as exactly 1 whatever surrounds them:
// printable ASCII, Latin-1 but for © and ® (which emoji-regex may match), Latin Extended below
// the combining marks at U+0300, dashes, quotes, bullets and ellipsis (U+2010-U+2027,
// U+2030-U+203B, short of ‼ at U+203C) and box drawing. No escape, control, combining,
// zero-width, wide or emoji character is among them. Used by scripts/bundle.js, checked by
// __tests__/bundle-shims.test.ts against the real string-width.
'use strict';
module.exports.PLAIN_WIDTH_SOURCE = '^[\\x20-\\x7e\\xa0-\\xa8\\xaa-\\xad\\xaf-\\u02ff\\u2010-\\u2027\\u2030-\\u203b\\u2500-\\u257f]*$';
