// Imported first by a test that reads what is drawn inverse (a text field's cursor): Ink's colours
// are chosen as chalk loads, and without a terminal it would draw none.
process.env['FORCE_COLOR'] = '1';
